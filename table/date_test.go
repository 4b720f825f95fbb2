package table

import (
	"testing"
	"time"
)

// TestRunDate: the epoch's day when set, else now's; a bad epoch is
// told, and now's day used.
func TestRunDate(t *testing.T) {
	now := time.Date(2025, 3, 4, 23, 30, 0, 0, time.FixedZone("CST", 8*3600)) // 15:30 UTC
	for _, tc := range []struct {
		epoch, want string
		bad         bool
	}{
		{"", "2025-03-04", false},
		{"0", "1970-01-01", false},
		{" 1700000000\n", "2023-11-14", false},
		{"yesterday", "2025-03-04", true},
	} {
		got, err := RunDate(tc.epoch, now)
		if got.Format(time.DateOnly) != tc.want || (err != nil) != tc.bad || got.Location() != time.UTC || got.Hour() != 0 {
			t.Errorf("RunDate(%q): %v, %v; want %s, error %v", tc.epoch, got, err, tc.want, tc.bad)
		}
	}
}
