"""The OME-Zarr conformance harness: runs the corpus through other implementations."""
