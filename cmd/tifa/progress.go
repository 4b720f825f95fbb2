package main

import (
	"fmt"
	"strings"
	"time"
)

// stage shows, on a terminal and once a step has taken more than a second,
// which step tifa is in and for how long ("tifa: nearest neighbours… 3s");
// the returned function ends it. Steps whose amount of work is known
// (reading documents) use progress instead, with a rate and an ETA.
func (g *globals) stage(name string) (done func()) {
	if g.quiet || !isTerminal(g.stderr) {
		return func() {}
	}
	stop := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		start := time.Now()
		shown := false
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				if shown {
					fmt.Fprintf(g.stderr, "\r%s\r", strings.Repeat(" ", 70))
				}
				return
			case now := <-tick.C:
				if d := now.Sub(start); d >= time.Second {
					shown = true
					fmt.Fprintf(g.stderr, "\rtifa: %s… %.0fs   ", name, d.Seconds())
				}
			}
		}
	}()
	return func() {
		close(stop)
		<-finished
	}
}
