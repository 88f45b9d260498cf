"""Build the optional native HMAC routine; safelink falls back to pure Python without it."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "safelink.keys._native",
            sources=["src/safelink/keys/_native.c"],
            extra_compile_args=["-O3"],
            optional=True,
        )
    ]
)
