"""Synchronization of items, customers and price lists from Exact Online.

`engine` walks feeds page by page (map, upsert, cursor, one transaction per page);
`feeds` says what each entity reads; `runs` records every run and keeps one at a time;
`services` starts runs and executes them (tasks and the `sync` command call it).
"""
