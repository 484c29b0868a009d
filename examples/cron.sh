#!/usr/bin/env bash
# Morning run for cron, e.g.:  30 8 * * 1-5  /opt/poryadok/cron.sh
# Imports the night's export, then alerts when any step of the Порядок is overdue.
# Exit codes are documented in README.md («Exit codes»).
set -u
DB=${PORYADOK_DB:-/var/lib/poryadok/poryadok.db}
EXPORT=${1:-/srv/monitoring/export-$(date +%F).csv}
LOG=${PORYADOK_LOG:-/var/log/poryadok.log}
export PORYADOK_DB=$DB

if [[ -f $EXPORT ]]; then
  poryadok import "$EXPORT" --json >>"$LOG" 2>&1 || { echo "poryadok: import of $EXPORT failed, see $LOG" >&2; exit 2; }
fi

overdue=$(poryadok status --overdue --json 2>>"$LOG")
case $? in
  0) exit 0 ;;                                   # nothing overdue
  1) echo "poryadok: overdue steps:" >&2          # cron mails stderr to the owner
     printf '%s\n' "$overdue" >&2
     exit 1 ;;
  *) echo "poryadok: status failed, see $LOG" >&2; exit 2 ;;
esac
