// Three test collections at a time on the 2-core CI machine: about half of the suite's time is spent waiting on other
// processes (Chromium, the PostgreSQL server, the console instances, LibreOffice), not on the CPU. Measured on a
// clean clone: 2 threads (xunit's default here) 15.0 min for the suite with the PostgreSQL data tests.
[assembly: Xunit.CollectionBehavior(MaxParallelThreads = 3)]
