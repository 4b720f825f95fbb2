package places_test

import (
	"fmt"
	"strings"

	"github.com/tifa-project/tifa/places"
)

// A loader places each document from its manifest row, path and header.
func ExampleResolver_Resolve() {
	g, err := places.Load()
	if err != nil {
		panic(err)
	}
	r := places.NewResolver(g, nil)
	for _, d := range []places.Doc{
		{Region: "清苑县", Level: places.County, Year: 2010, Path: "hebei_baoding/清苑县_2010.txt"},
		{Region: "清苑区", Level: places.County, Year: 2020, Path: "hebei_baoding/清苑区_2020.txt"},
		{Year: 2020, Path: "seeds/004.txt", Header: "店口镇2020年度政府工作报告\n…我代表诸暨市店口镇人民政府…"},
		{Region: "城关镇", Level: places.Township, Year: 2020},
	} {
		res := r.Resolve(d)
		if !res.Resolved() {
			fmt.Printf("unresolved (%s): %s; %d candidates, first %s %s\n", res.Source, res.Why, len(res.Candidates), res.Candidates[0].Code, res.Candidates[0].Names)
			continue
		}
		fmt.Printf("%s %s %s place=%s in %s %s (%s: %s)\n", res.Code, res.Name, res.Level, res.ID, res.Province.Name, res.City.Name, res.Source, res.Why)
	}
	// Output:
	// 130622 清苑县 county place=130608 in 河北省 保定市 (manifest: region 清苑县)
	// 130608 清苑区 county place=130608 in 河北省 保定市 (manifest: region 清苑区)
	// 330681104 店口镇 township place=330681104 in 浙江省 绍兴市 (header: header 店口镇 within 诸暨市 (header))
	// unresolved (manifest): region 城关镇: 88 townships so named; the context does not tell them apart (the first 5 of 88 listed); 5 candidates, first 120114110 天津市 武清区 城关镇
}

// The chain of superiors is what alignment with the superior's report
// follows: a township's county in the report's year, its prefecture,
// province and the national level.
func ExampleGazetteer_Superiors() {
	g, err := places.Load()
	if err != nil {
		panic(err)
	}
	for _, year := range []int{2010, 2020} {
		var chain []string
		for _, p := range g.Superiors("130608100", year) { // 清苑镇
			chain = append(chain, p.Code+" "+p.Name)
		}
		fmt.Println(year, strings.Join(chain, " → "))
	}
	// Output:
	// 2010 130622 清苑县 → 130600 保定市 → 130000 河北省 → 100000 全国
	// 2020 130608 清苑区 → 130600 保定市 → 130000 河北省 → 100000 全国
}

// A filter on a name (--where county=徐水) matches the panel ids of every
// place so named.
func ExampleGazetteer_Lookup() {
	g, err := places.Load()
	if err != nil {
		panic(err)
	}
	for _, p := range g.Lookup("徐水", places.County) {
		fmt.Println(p.Code, p.Name, p.From, p.To, p.ID)
	}
	// Output:
	// 130609 徐水区 2015 0 130609
	// 130625 徐水县 1994 2015 130609
	// 132423 徐水县 1981 1994 130609
}

func ExampleMentions() {
	for _, m := range places.Mentions("——2021年1月在嵩县城关镇第十届人民代表大会第三次会议上") {
		fmt.Println(m.Name, m.Suffix, m.Level, m.Gov)
	}
	// Output:
	// 嵩县 县 county false
	// 城关镇 镇 township true
}

func ExampleParseOverrides() {
	g, err := places.Load()
	if err != nil {
		panic(err)
	}
	_, err = places.ParseOverrides("places.csv", strings.NewReader("name,code\n城关镇,410325100\n雄安新区,1331\n"), g)
	fmt.Println(err)
	// Output:
	// places places.csv:3:14: code "1331": not a code of the gazetteer
}
