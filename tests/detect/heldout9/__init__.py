"""Held-out corpus 9: a blind, labelled column corpus for identifier detection."""
