"""leerdoelen: learning goals for science, technology and digital literacy in primary schools."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("leerdoelen")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0.0.0"
