package main

import (
	"strings"
	"testing"
)

// TestRead: the last row of a stage at a size counts, stopped or failed
// stages and recall rows are left out, count and trend add up, and a
// malformed row is an error naming its line.
func TestRead(t *testing.T) {
	in := "1000\t20\tcount\t1.5\t2.0\t40000\tok\t1\t1\n" +
		"1000\t20\ttrend\t2.5\t3.0\t50000\tok\t1\t1\n" +
		"1000\t20\tsimilar\t9\t9\t90000\tok\t1\t1\n" +
		"1000\t20\tsimilar\t8\t8\t80000\tok\t1\t1\n" +
		"100000\t2000\tpeer\t1800\t1800\t4000000\tstopped after 1800 s\t1\t1\n" +
		"1000\t20\trecall@10\t0.95\t\t\tok\t\t\n"
	res, err := read(strings.NewReader(in), "r.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if m := res.at[key{1000, "similar"}]; m.wall != 8 || m.rss != 80000 {
		t.Errorf("similar at 1000: %+v, want the last row", m)
	}
	if m := res.at[key{1000, "count+trend"}]; m.wall != 4 || m.rss != 50000 {
		t.Errorf("count+trend: %+v", m)
	}
	if _, ok := res.at[key{100000, "peer"}]; ok || len(res.sizes) != 1 {
		t.Errorf("a stopped stage is kept: sizes %v", res.sizes)
	}
	if _, err := read(strings.NewReader("1000\tx\n"), "r.tsv"); err == nil || !strings.Contains(err.Error(), "r.tsv:1") {
		t.Errorf("malformed row: %v", err)
	}
}
