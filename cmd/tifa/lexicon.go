package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/tabulate"
)

func newLexiconCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "List the slogan lexicon, or check a lexicon file",
		Long: `The lexicon is the list of slogans tifa counts: a built-in, curated list
(tifa lexicon list) plus your own files (--lexicon FILE).

A lexicon file is YAML (.yaml/.yml; see the built-in one: tifa lexicon list -f
json) or plain text: one slogan a line, canonical form first, aliases after
'|', '#' starts a comment, a line [category] sets the category of the lines
after it. A user entry sharing a form with a built-in one replaces it.

An exclusion is a longer context in which a form is not the slogan: an
occurrence inside it is not counted. Write it after '|' with a leading '!'
(新发展理念 | !创新发展理念), or in YAML as exclude: [创新发展理念]. It must
contain one of the entry's forms and differ from all of them.`,
	}
	cmd.AddCommand(newLexiconListCmd(g), newLexiconCheckCmd(g), newLexiconSampleCmd(g), newLexiconAuditCmd(g))
	return cmd
}

func newLexiconListCmd(g *globals) *cobra.Command {
	var in load.Input
	var category string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the lexicon's entries",
		Long: `List every entry: slogan, aliases (separated by |), exclude (contexts
that are not a mention, separated by |), category, origin
(national or the province that coined it), since (first year in a report of
the corpus it was curated from), note, and where it was defined.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lex, err := g.reader().Lexicon(&in)
			if err != nil {
				return err
			}
			return g.emit(tabulate.Lexicon(lex, category))
		},
	}
	addLexiconFlags(cmd, &in)
	cmd.Flags().StringVar(&category, "category", "", "only entries of this category")
	return cmd
}

func newLexiconCheckCmd(g *globals) *cobra.Command {
	var noBuiltin bool
	cmd := &cobra.Command{
		Use:   "check FILE...",
		Short: "Validate lexicon files: every problem with its file and line",
		Long: `Check each file on its own (empty forms, duplicate entries, an alias claimed
by two entries, an exclusion that can never apply, unknown YAML fields), then
all of them together with the
built-in lexicon (unless --no-builtin), and say which built-in entries they
replace. Exit status 1 when any file has an error.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, lex, warns, err := lexicon.CheckFiles(args, !noBuiltin)
			for _, f := range files {
				if f.Err != nil {
					fmt.Fprintln(g.stderr, f.Err)
				} else {
					fmt.Fprintf(g.stdout, "%s: %d entries\n", f.Path, f.Entries)
				}
			}
			if err != nil {
				return err
			}
			for _, w := range warns {
				fmt.Fprintln(g.stdout, w)
			}
			fmt.Fprintf(g.stdout, "ok: %d entries in all, lexicon hash %s\n", len(lex.Entries), lex.Hash())
			return nil
		},
	}
	cmd.Flags().BoolVar(&noBuiltin, "no-builtin", false, "check without the built-in lexicon")
	return cmd
}
