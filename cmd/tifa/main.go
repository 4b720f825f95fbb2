// Command tifa measures the policy slogans (提法) in Chinese government work
// reports: counts per report, slogan × year trends, and more. Run
// `tifa --help` for the commands, `tifa demo` for a first look.
package main

import (
	"fmt"
	"os"
)

func main() {
	root := newRootCmd(os.Stdin, os.Stdout, os.Stderr)
	if err := root.Execute(); err != nil {
		fmt.Fprintf(os.Stderr, "tifa: %v\n", err)
		os.Exit(1)
	}
}
