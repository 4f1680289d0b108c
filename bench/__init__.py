"""`make bench`: a generated corpus of realistic size and the pipeline's throughput on it."""
