"""Build the optional native HMAC routine; safelink falls back to pure Python without it."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "safelink._native",
            sources=["src/safelink/_native.c"],
            extra_compile_args=["-O3"],
            optional=True,
        )
    ]
)
