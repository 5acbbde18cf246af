#!/usr/bin/env python3
"""Events, cases and median resolution minutes of the helpdesk and Volvo event logs, straight
from the CSVs with the standard library (no project code): an independent check of the loader's
folding. Resolution = last resolving event − first event of the case, for cases with one."""
import csv
import statistics
import sys
from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

EVALDATA = sys.argv[1] if len(sys.argv) > 1 else '../shared/evaldata'


def fold(rows, case, when, resolving):
    first, resolved, events = {}, {}, 0
    for row in rows:
        events += 1
        t = when(row)
        key = row[case]
        first[key] = min(first.get(key, t), t)
        if resolving(row):
            resolved[key] = max(resolved.get(key, t), t)
    minutes = [(resolved[k] - first[k]).total_seconds() / 60 for k in resolved]
    return events, len(first), len(minutes), statistics.median(minutes)


def helpdesk():
    rome = ZoneInfo('Europe/Rome')
    with open(f'{EVALDATA}/helpdesk_italian_sw_finale.csv', newline='') as f:
        rows = csv.reader(f)
        header = next(rows)
        case, activity, ts = header.index('Case ID'), header.index('Activity'), header.index('Complete Timestamp')
        return fold(
            rows,
            case,
            lambda r: datetime.strptime(r[ts], '%Y/%m/%d %H:%M:%S.%f').replace(tzinfo=rome),
            lambda r: r[activity] in ('Resolve ticket', 'RESOLVED'),
        )


def volvo():
    with open(f'{EVALDATA}/bpi2013_volvo_incidents_events.csv', newline='') as f:
        return fold(
            csv.DictReader(f),
            'sr_number',
            lambda r: datetime.fromisoformat(r['timestamp']),
            lambda r: r['sub_status'] in ('Resolved', 'In Call'),
        )


for name, result in (('helpdesk', helpdesk()), ('volvo', volvo())):
    events, cases, resolved, median = result
    print(f'{name}: {events} events, {cases} cases, {resolved} resolved, median resolution {median:.4f} min')
