package tabulate

import (
	"errors"
	"fmt"

	"github.com/tifa-project/tifa/discover"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/wordvec"
)

// Discovery is tifa discover: a discover.Discoverer given each report and,
// with a category to rank by closeness (--near), the reports kept to train
// word vectors on once all are read.
type Discovery struct {
	Reports int // the reports added

	lex  *lexicon.Lexicon
	part reports.Part
	near string
	dv   *discover.Discoverer
	docs []*reports.Document // kept for near
}

// NewDiscovery returns a Discovery of candidates for lex (discover.New's
// options opt) ranked by score or, when near is a category of lex, by
// closeness to it; the error for an unknown category names the flag --near.
func NewDiscovery(lex *lexicon.Lexicon, opt discover.Options, near string) (*Discovery, error) {
	if err := lex.CheckCategory(near); err != nil {
		return nil, fmt.Errorf("flag --near: %w", err)
	}
	dv, err := discover.New(lex, opt)
	if err != nil {
		return nil, err
	}
	return &Discovery{lex: lex, part: opt.Part, near: near, dv: dv}, nil
}

// Add reads one report.
func (d *Discovery) Add(doc *reports.Document) {
	d.dv.Add(doc)
	if d.near != "" {
		d.docs = append(d.docs, doc)
	}
	d.Reports++
}

// Candidates returns the top candidates (all for top 0) and their table,
// as tifa discover prints it. Without near the candidates are ranked by
// score (Candidates); with it, by the cosine of their word vectors to the
// centroid of the category's slogans (wordvec.NearCategory,
// discover.ByCloseness) and the table has its column near
// (CandidatesNear). stage, if not nil, is told of each slow step.
func (d *Discovery) Candidates(top int, stage func(what string) (done func())) ([]discover.Candidate, *table.Table, error) {
	stage = orNoStage(stage)
	done := stage("finding candidates")
	cands := d.dv.Candidates()
	done()
	var near []float64
	if d.near != "" {
		texts := make([]string, len(cands))
		for i, c := range cands {
			texts[i] = c.Text
		}
		done := stage("training word vectors")
		var err error
		near, err = wordvec.NearCategory(d.lex, d.part, d.docs, texts, d.near)
		done()
		var rare *wordvec.RareCategoryError
		if errors.As(err, &rare) {
			err = fmt.Errorf("flag --near: %w", err)
		}
		if err != nil {
			return nil, nil, err
		}
		cands, near = discover.ByCloseness(cands, near)
	}
	if top > 0 && len(cands) > top {
		cands = cands[:top]
	}
	if near != nil {
		return cands, CandidatesNear(cands, near[:len(cands)], d.near), nil
	}
	return cands, Candidates(cands), nil
}

// orNoStage returns stage, or for nil a stage that shows nothing.
func orNoStage(stage func(what string) (done func())) func(what string) (done func()) {
	if stage == nil {
		return func(string) func() { return func() {} }
	}
	return stage
}
