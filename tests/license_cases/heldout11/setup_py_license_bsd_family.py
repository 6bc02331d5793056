#!/usr/bin/env python
"""Packaging for `kumoyomi`, a reader for JMA cloud-cover grids."""
from setuptools import find_packages, setup

setup(
    name="kumoyomi",
    version="0.9.4",
    description="Read JMA GPV cloud-cover grids into xarray",
    author="Natsuki Ebina",
    author_email="natsuki@kumoyomi.example",
    url="https://kumoyomi.example",
    license="BSD",
    packages=find_packages(exclude=["tests"]),
    install_requires=["numpy>=1.24", "xarray>=2023.1"],
    classifiers=[
        "Development Status :: 4 - Beta",
        "License :: OSI Approved :: BSD License",
        "Programming Language :: Python :: 3",
        "Topic :: Scientific/Engineering :: Atmospheric Science",
    ],
)
