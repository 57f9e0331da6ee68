"""The build: plan the outputs a request selects, skip the current ones, make the rest in a pool
of processes, and record them in the output folder's manifest."""
