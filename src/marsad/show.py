"""`python -m marsad.show FILE.jsonl`: a readable summary of extracted records."""

from __future__ import annotations

import json
import sys


def show(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            parent = f"  (embedded in {record['parent']})" if record.get("parent") else ""
            print(f"── {record['id']}{parent}")
            print(f"   category: {record.get('category')}")
            print(f"   title:    {record.get('title')}")
            for paragraph in record.get("body", []):
                print(f"   │ {paragraph[:110]}{'…' if len(paragraph) > 110 else ''}")
            for removed in record.get("boilerplate", []):
                print(f"   ✂ [{removed['reason']}] {removed['text'][:70]}")
            for field in ("entities", "quotes", "dates", "quantities"):
                if record.get(field):
                    print(f"   {field}: {len(record[field])}")
            print()


def main() -> None:
    for path in sys.argv[1:]:
        show(path)


if __name__ == "__main__":
    main()
