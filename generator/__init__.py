"""Generator: plans/**/*.yaml → validated models → linked corpus → pages and open data."""
