package wordvec_test

import (
	"fmt"
	"os"

	"github.com/tifa-project/tifa/wordvec"
)

func Example() {
	vocab := []string{"河长制", "湖长制", "水质", "生态", "芯片", "算力", "数据", "产业"}
	// Paragraphs as term ids: water governance and computing, each with
	// its own words.
	var paragraphs [][]int32
	for i := range 40 {
		w := int32(i % 2) // alternate which slogan leads
		paragraphs = append(paragraphs,
			[]int32{w, 2, 3, 1 - w, 2, 3},
			[]int32{4, 6, 5 + w, 7, 6, 5 - w})
	}
	opt := wordvec.DefaultOptions()
	opt.Dims = 3
	opt.Window = 2
	m, err := wordvec.Train(paragraphs, len(vocab), opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	near, err := m.Nearest([]int32{0}, 3, nil) // nearest to 河长制
	if err != nil {
		fmt.Println(err)
		return
	}
	var cands []wordvec.Candidate
	for _, n := range near {
		fmt.Printf("%s %.2f\n", vocab[n.Term], n.Cosine)
		cands = append(cands, wordvec.Candidate{Term: vocab[n.Term], Cosine: n.Cosine})
	}
	if err := wordvec.WriteLexicon(os.Stdout, "environment", "河长制", cands[:1]); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 湖长制 1.00
	// 水质 0.27
	// 生态 0.27
	// # Candidates for category "environment", nearest to "河长制" in word vectors trained on the corpus.
	// # Review each before use: nearness is not synonymy.
	// - slogan: 湖长制
	//   category: environment
	//   note: 'candidate: cosine 1.000 to the seeds of environment'
}
