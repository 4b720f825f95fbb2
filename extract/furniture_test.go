package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestIsPageNumber(t *testing.T) {
	yes := []string{"3", " 12 ", "- 3 -", "— 3 —", "—3—", "－３－", "·3·", "• 3 •", "~ 3 ~", "第3页", "第 3 页",
		"第3页 共30页", "第3页，共30页", "共30页 第3页", "3/30", "3 / 30", "Page 3", "page 3 of 30", "3."}
	no := []string{"", "2016", "一、2016年工作回顾", "增长8%", "3个", "第三章", "218.6", "第3页有误", "- 3 - 4 -", "3/30/2024",
		"——2017年2月14日在青溪县第十七届人民代表大会第一次会议上"}
	for _, s := range yes {
		if !isPageNumber(s) {
			t.Errorf("isPageNumber(%q) = false; want true", s)
		}
	}
	for _, s := range no {
		if isPageNumber(s) {
			t.Errorf("isPageNumber(%q) = true; want false", s)
		}
	}
}

func TestDropFurniture(t *testing.T) {
	// five pages: a running header with the page number in it, a footer,
	// page numbers; the body's lines, a line repeated inside the pages
	// and a number alone in the middle stay
	paras := reportParas(t)
	body := func(p int) []string {
		return []string{paras[2*p], "各位代表：", "3", paras[2*p+1]}
	}
	var pages [][]string
	for p := 1; p <= 5; p++ {
		page := []string{fmt.Sprintf("临江市人民政府文件  第%d页", p), ""}
		page = append(page, body(p)...)
		page = append(page, "临江市人民政府办公室印发", fmt.Sprintf("— %d —", p))
		pages = append(pages, page)
	}
	pages[2] = []string{"整页只有一行"}
	got := dropFurniture(pages)
	for p, lines := range got {
		want := append([]string{""}, body(p+1)...)
		if p == 2 {
			want = []string{"整页只有一行"}
		}
		if !slices.Equal(lines, want) {
			t.Errorf("page %d: %q; want %q", p+1, lines, want)
		}
	}
	// two pages: too few to tell a running header from text
	two := [][]string{{"标题", "甲"}, {"标题", "乙"}}
	if got := dropFurniture(two); strings.Join(got[0], "|") != "标题|甲" {
		t.Errorf("two pages: %q; want the title kept", got)
	}
	// a line at the top of two pages and at the bottom of two others is
	// neither a running header nor a footer
	var mixed [][]string
	for p := range 4 {
		if p < 2 {
			mixed = append(mixed, []string{"一、工作回顾", paras[p], paras[p+1]})
		} else {
			mixed = append(mixed, []string{paras[p], paras[p+1], "一、工作回顾"})
		}
	}
	for p, lines := range dropFurniture(mixed) {
		if len(lines) != 3 {
			t.Errorf("page %d: %q; want its 3 lines kept", p+1, lines)
		}
	}
}

// TestDropFurnitureLongURL: the address a browser prints at the foot of
// every page is dropped however long (a saved page's path, a site's URL),
// and so is one that cuts a sentence at the page edge.
func TestDropFurnitureLongURL(t *testing.T) {
	url := "file:///tmp/TestChromiumPDFCounts1214656571/002/" + strings.Repeat("子目录/", 10) + "report.html"
	paras := reportParas(t)
	body := func(p int) []string {
		if p == 1 {
			return []string{paras[0], "深入开展农村人"} // 居环境整治 is on page 2
		}
		return []string{paras[2*p], paras[2*p+1]}
	}
	var pages [][]string
	for p := 1; p <= 4; p++ {
		page := append([]string{"2025/1/5 10:30", "青溪县政府工作报告"}, body(p)...)
		pages = append(pages, append(page, fmt.Sprintf("%s %d/4", url, p)))
	}
	for p, lines := range dropFurniture(pages) {
		if want := body(p + 1); !slices.Equal(lines, want) {
			t.Errorf("page %d: %q; want %q", p+1, lines, want)
		}
	}
}
