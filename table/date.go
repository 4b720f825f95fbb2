package table

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// RunDate is the day of a run at 00:00 UTC, as provenance records it:
// from epoch, seconds since 1970 (the reproducible-builds convention
// $SOURCE_DATE_EPOCH, https://reproducible-builds.org/specs/source-date-epoch/),
// when it is set, else now's day. An epoch that is not a number gives
// now's day and an error saying so.
func RunDate(epoch string, now time.Time) (time.Time, error) {
	t := now
	var err error
	if epoch != "" {
		if n, perr := strconv.ParseInt(strings.TrimSpace(epoch), 10, 64); perr == nil {
			t = time.Unix(n, 0)
		} else {
			err = fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds; using today's date", epoch)
		}
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), err
}
