package topics_test

import (
	"fmt"

	"github.com/tifa-project/tifa/topics"
)

func Example() {
	vocab := []string{"粮食", "耕地", "种业", "芯片", "算力", "数据"}
	// Documents as term ids: three about farming, three about computing.
	docs := [][]int32{
		{0, 1, 2, 0, 1, 2, 0, 1},
		{1, 2, 0, 2, 1, 0, 2, 2},
		{0, 0, 1, 1, 2, 2, 0, 1},
		{3, 4, 5, 3, 4, 5, 3, 4},
		{4, 5, 3, 5, 4, 3, 5, 5},
		{3, 3, 4, 4, 5, 5, 3, 4},
	}
	// Seed one topic with 粮食 (food security); one free topic follows.
	m, err := topics.Fit(docs, len(vocab), topics.Options{
		K: 1, Iterations: 100, Seed: 1, Seeds: [][]int32{{0}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for k := range m.Topics {
		fmt.Printf("topic %d:", k)
		for _, tw := range m.Top(k, 3) {
			fmt.Printf(" %s", vocab[tw.Term])
		}
		fmt.Println()
	}
	for d := range docs {
		fmt.Printf("doc %d: %.2f\n", d, m.DocTopic.RawRowView(d))
	}
	// Output:
	// topic 0: 粮食 耕地 种业
	// topic 1: 芯片 算力 数据
	// doc 0: [0.94 0.06]
	// doc 1: [0.94 0.06]
	// doc 2: [0.94 0.06]
	// doc 3: [0.06 0.94]
	// doc 4: [0.06 0.94]
	// doc 5: [0.06 0.94]
}
