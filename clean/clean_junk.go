package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// junkZoneLines bounds how far into the head and tail DropJunk looks.
const junkZoneLines = 40

// proseHan is the number of Han characters that makes a line prose: the
// head zone ends at the first such line, the tail zone at the last.
const proseHan = 30

// DropJunk removes web-page boilerplate from the head and the tail of a
// report and never from its middle. The head zone runs from the start to
// the first prose line (one that is not junk and has at least proseHan
// Chinese characters), at most junkZoneLines lines; the tail zone likewise
// from the end back to the last prose line. In the zones, junk lines (see
// isJunkLine: navigation, breadcrumbs, toolbars such as 下载 打印 【字号：
// 加大 还原 减小】, 来源/时间/浏览数 lines, share buttons, copyright and
// ICP lines, time stamps, file sizes) and blank lines are dropped, other
// lines (titles, dates, speakers) are kept. In the tail, a line that opens
// a page footer (相关文章, 推荐访问, 上一篇, 打印本页, Wikisource's licence
// note …) is dropped with everything after it when that is at most
// footerMaxBytes, footerMaxLines and a quarter of the text; and
// "查看更多"-style suffixes are cut off the last line.
func DropJunk(text string) string {
	return strings.Join(dropJunkLines(splitLines(text)), "\n")
}

// dropJunkLines applies DropJunk to trimmed lines until nothing changes.
func dropJunkLines(lines []string) []string {
	for range 5 {
		n, last := len(lines), lastLine(lines)
		lines = dropHeadJunk(lines)
		lines = cutFooter(lines)
		lines = dropTailJunk(lines)
		if len(lines) == n && lastLine(lines) == last {
			break
		}
	}
	return lines
}

// lastLine returns the last element of lines, or "".
func lastLine(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return lines[len(lines)-1]
}

// dropHeadJunk drops junk and blank lines from the head zone.
func dropHeadJunk(lines []string) []string {
	end := 0
	for end < len(lines) && end < junkZoneLines && (!isProse(lines[end]) || afterAbstractLabel(lines, end)) {
		end++
	}
	junk := zoneJunk(lines[:end])
	if junk == nil {
		return lines
	}
	// Move the kept lines of the zone next to the rest, in place.
	k := end
	for i := end - 1; i >= 0; i-- {
		if !junk[i] {
			k--
			lines[k] = lines[i]
		}
	}
	return lines[k:]
}

// dropTailJunk drops junk and blank lines from the tail zone and cuts
// "查看更多"-style suffixes off the last line.
func dropTailJunk(lines []string) []string {
	start := len(lines)
	for start > 0 && len(lines)-start < junkZoneLines && !isProse(lines[start-1]) {
		start--
	}
	out := lines
	if junk := zoneJunk(lines[start:]); junk != nil {
		out = lines[:start:start]
		for i, l := range lines[start:] {
			if !junk[start+i-start] {
				out = append(out, l)
			}
		}
	}
	for len(out) > 0 {
		l := out[len(out)-1]
		s := trimJunkSuffix(l)
		if s == l {
			break
		}
		if s == "" {
			out = out[:len(out)-1]
			continue
		}
		out[len(out)-1] = s
	}
	return out
}

// afterAbstractLabel reports whether lines[i] follows a "内容摘要：" line:
// the abstract a scraped page repeats before the text.
func afterAbstractLabel(lines []string, i int) bool {
	p := neighbour(lines, i, -1)
	return p >= 0 && abstractLabels[trimJunkDecor(lines[p])]
}

// abstractLabels label a page's abstract of the text.
var abstractLabels = setOf("内容摘要", "摘要", "内容提要")

// isProse reports whether l is a paragraph of the report: not junk, at
// least proseHan Chinese characters and a comma or full stop. Titles,
// dates and speaker lines are not prose.
func isProse(l string) bool {
	return HanAtLeast(l, proseHan) && strings.ContainsAny(l, "，。,") && !isJunkLine(l)
}

// zoneJunk marks the lines of a head or tail zone to drop, or returns nil
// when none is. Dropped are blank lines, junk lines (isJunkLine), and
// lines that junk lines give away as page chrome: the value after a label
// line such as "来源：" or "编辑：", the items of a breadcrumb (short lines
// next to a ">" separator) and a repeat of a dropped line.
func zoneJunk(zone []string) []bool {
	junk := make([]bool, len(zone))
	any := false
	for i, l := range zone {
		junk[i] = l == "" || isJunkLine(l)
		any = any || junk[i]
	}
	if !any {
		return nil
	}
	for i, l := range zone {
		if junk[i] {
			continue
		}
		prev, next := neighbour(zone, i, -1), neighbour(zone, i, 1)
		if prev >= 0 && abstractLabels[trimJunkDecor(zone[prev])] {
			junk[i] = true // the abstract
			continue
		}
		if MoreRunes(l, 20) || strings.ContainsAny(l, "，。,") {
			continue
		}
		switch {
		case prev >= 0 && hasAnySuffix(zone[prev], "：", ":") && junkLabels[trimJunkDecor(zone[prev])]:
			junk[i] = true // a label's value
		case prev >= 0 && isCrumbSeparator(zone[prev]), next >= 0 && isCrumbSeparator(zone[next]):
			junk[i] = true // a breadcrumb item
		case prev >= 0 && junk[prev] && zone[prev] == l:
			junk[i] = true // a repeated item
		}
	}
	markMenus(zone, junk)
	return junk
}

// menuMinLines is the length of a run of short lines that makes a menu.
const menuMinLines = 4

// markMenus marks as junk the navigation menus of a zone: runs of at least
// menuMinLines consecutive short lines (at most 8 characters, no comma or
// full stop) of which at least one is junk already. A line naming a
// report (holding 报告) is kept.
func markMenus(zone []string, junk []bool) {
	for i := 0; i < len(zone); {
		j, hasJunk := i, false
		for j < len(zone) && zone[j] != "" && isMenuItem(zone[j]) {
			hasJunk = hasJunk || junk[j]
			j++
		}
		if j-i >= menuMinLines && hasJunk {
			for k := i; k < j; k++ {
				junk[k] = junk[k] || !strings.Contains(zone[k], "报告")
			}
		}
		i = j + 1
	}
}

// isMenuItem reports whether l is short enough to be a menu item.
func isMenuItem(l string) bool {
	return !MoreRunes(l, 8) && !strings.ContainsAny(l, "，。,；")
}

// junkLabels are page-chrome labels whose value may sit on the next line.
var junkLabels = setOf("来源", "编辑", "责任编辑", "作者", "时间", "发布时间", "发表时间",
	"发布日期", "更新时间", "阅读量", "阅读", "浏览数", "浏览次数", "点击数", "评论")

// neighbour returns the index of the nearest non-blank line before (dir
// -1) or after (dir 1) zone[i], or -1.
func neighbour(zone []string, i, dir int) int {
	for j := i + dir; j >= 0 && j < len(zone); j += dir {
		if zone[j] != "" {
			return j
		}
	}
	return -1
}

// isCrumbSeparator reports whether l separates breadcrumb items: > >> » 〉.
func isCrumbSeparator(l string) bool {
	switch l {
	case ">", ">>", "»", "〉", "＞", "＞＞", "->":
		return true
	}
	return false
}

// hasAnySuffix reports whether s ends with one of suffixes.
func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// junkSuffixes are "read more" links glued to a page's last line.
var junkSuffixes = []string{"点击查看全文", "展开阅读全文", "查看更多", "展开全文", "阅读全文", "收起全文"}

// trimJunkSuffix cuts one of junkSuffixes off the end of l.
func trimJunkSuffix(l string) string {
	for _, s := range junkSuffixes {
		if strings.HasSuffix(l, s) {
			return strings.TrimRight(strings.TrimSuffix(l, s), " ")
		}
	}
	return l
}

// footerMaxBytes and footerMaxLines bound the footer cutFooter removes.
const (
	footerMaxBytes = 6000
	footerMaxLines = 150
)

// footerMarks open a page footer: related links, pagination, print
// buttons, Wikisource's licence note.
var footerMarks = []string{
	"相关文章", "相关阅读", "相关报道", "相关推荐", "相关新闻", "相关附件", "相关链接",
	"推荐访问", "推荐阅读", "延伸阅读", "上一篇", "下一篇", "打印本页", "关闭窗口",
	"本作品是中华人民共和国", "本作品在全世界", "本作品来自", "分享到", "本栏最新",
	"本栏推荐", "阅读排行", "标签云", "友情链接", "热门文章", "最新文章", "热点文章",
	"猜你喜欢", "网友评论", "发表评论", "上一页", "下一页", "免责声明",
}

// cutFooter drops the first footer line of the tail and everything after
// it, when that is short (see DropJunk).
func cutFooter(lines []string) []string {
	total := 0
	for _, l := range lines {
		total += len(l) + 1
	}
	after := 0
	cut := -1
	for i := len(lines) - 1; i >= 0 && len(lines)-i <= footerMaxLines; i-- {
		after += len(lines[i]) + 1
		if after > footerMaxBytes || after*4 > total {
			break
		}
		if hasAnyPrefix(trimJunkDecor(lines[i]), footerMarks...) {
			cut = i
		}
	}
	if cut < 0 {
		return lines
	}
	return lines[:cut]
}

// menuSeparators separate the items of a navigation menu or breadcrumb
// written on one line: 首页|新闻|乡村振兴专栏, 首页 > 政务公开 > 规划计划.
const menuSeparators = "|｜│┃¦>＞»›〉"

// isMenuSeparator reports whether r is one of menuSeparators. Every line of
// prose is asked: strings.ContainsAny, which looks each character of the
// line up in the list, took 7 % of tifa count's CPU.
func isMenuSeparator(r rune) bool {
	switch r {
	case '|', '｜', '│', '┃', '¦', '>', '＞', '»', '›', '〉':
		return true
	}
	return false
}

// menuItemRunes is the longest item of a menu line.
const menuItemRunes = 12

// navWords are the items of a government site's navigation: one of them
// makes a line of two or three short items a menu (isMenuLine, spacedMenu).
var navWords = setOf("首页", "主页", "网站首页", "返回首页", "当前位置", "您的位置", "新闻", "新闻中心",
	"要闻", "要闻动态", "工作动态", "政务动态", "政务公开", "信息公开", "政府信息公开", "政务服务",
	"办事服务", "网上办事", "互动交流", "政民互动", "公众参与", "网站地图", "专题专栏", "专题", "专栏",
	"通知公告", "公示公告", "政策文件", "政策解读", "政策法规", "领导之窗", "机构设置", "机构职能",
	"数据发布", "统计数据", "数据开放", "人事信息", "在线访谈", "联系我们", "关于我们",
	"概况", "视频", "图片", "下载中心", "规划计划")

// isMenuLine reports whether s is a navigation menu or breadcrumb on one
// line: items separated by menuSeparators (at least two separators, or
// one with a navWords item), every item at most menuItemRunes characters,
// without sentence punctuation and not a number; with fewer than four
// items, one must be in navWords (a short table row is not a menu). A
// sentence always has punctuation, so none is ever a menu line.
func isMenuLine(s string) bool {
	if !strings.ContainsFunc(s, isMenuSeparator) {
		return false
	}
	items := strings.FieldsFunc(s, isMenuSeparator)
	return menuItems(items, 2, 4)
}

// spacedMenu reports whether the space-separated items of a line are a
// navigation menu: at least three items of two to eight Chinese
// characters each, one of them in navWords. The words of a PDF line
// broken by spaces (我们 坚持 稳中求进) name no navigation item.
func spacedMenu(items []string) bool {
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		n := utf8.RuneCountInString(it)
		if n < 2 || n > 8 || !isAll(it, IsHan) {
			return false
		}
	}
	return menuItems(items, 3, 0)
}

// menuItems reports whether items (at least min of them) are the short
// items of a menu (see isMenuLine): one in navWords, or at least
// anyNav of them (0: one in navWords is required).
func menuItems(items []string, min, anyNav int) bool {
	n, nav := 0, false
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		n++
		if utf8.RuneCountInString(it) > menuItemRunes || strings.ContainsAny(it, "，。；！？,;!?：:、") ||
			!hasWordChar(it) || isAll(it, func(r rune) bool { return isASCIIDigit(r) || strings.ContainsRune(".%％-+", r) }) {
			return false
		}
		nav = nav || navWords[it]
	}
	return n >= min && (nav || (anyNav > 0 && n >= anyNav))
}

// trimJunkDecor strips what decorates a junk line: list bullets, pipes,
// brackets and trailing colons.
func trimJunkDecor(l string) string {
	l = strings.TrimLeft(l, "•·*>|[【〔(（ ")
	l = strings.TrimPrefix(l, "- ")
	l = strings.TrimRight(l, "|:：]】〕)）> ")
	return l
}

// junkExact are whole lines of web-page chrome (after trimJunkDecor).
var junkExact = setOf(
	"下载", "打印", "全屏", "收藏", "加大", "还原", "减小", "大", "中", "小", "字号", "字体",
	"分享", "分享到", "首页", "放弃", "是否继续？", "是否继续", "关闭窗口", "关闭", "打印本页",
	"关闭本页", "打印此页", "法律声明", "关于本站", "关于我们", "网站地图", "联系我们",
	"Copyright", "copyright", "Top", "TOP", "top", "返回顶部", "回到顶部", "微信", "微博",
	"QQ空间", "QQ", "EN", "繁體中文", "繁体", "简体中文", "简体", "无障碍", "长者模式",
	"文档介绍", "评论", "阅读", "点赞", "查看更多", "展开全文", "阅读全文", "Public domain",
	"false", "true", "扫一扫", "二维码", "来源", "时间", "作者", "编辑", "责任编辑",
	"发布时间", "浏览数", "阅读量", "内容摘要", "摘要", "热门搜索", "推荐访问", "相关文章",
	"登录", "注册", "搜索", "字号：", "相关附件>>", "相关链接>>", "政府信息公开", "English", "标签",
)

// junkPrefixes start lines of web-page chrome; they count only in lines
// of at most 300 characters.
var junkPrefixes = []string{
	"当前位置", "您的位置", "您现在的位置", "您当前的位置", "现在位置", "所在位置",
	"热门搜索", "热门关键词", "推荐访问", "推荐阅读", "相关文章", "相关阅读", "相关报道",
	"相关推荐", "相关链接", "相关附件", "相关新闻", "延伸阅读", "上一篇", "下一篇", "上一条",
	"下一条", "版权所有", "Copyright", "copyright", "分享到", "来源：", "来源:", "时间：",
	"时间:", "发布时间", "发表时间", "发布日期", "更新时间", "浏览数", "浏览次数", "浏览量",
	"阅读量", "阅读次数", "阅读数", "点击数", "点击量", "访问量", "作者：", "作者:",
	"责任编辑", "编辑：", "编辑:", "（责任编辑", "(责任编辑", "申明敬告", "免责声明",
	"声明：", "索引号", "主题分类", "发布机构", "成文日期", "发文机关", "发文字号", "文号：",
	"主办：", "主办单位", "承办：", "承办单位", "技术支持", "网站标识码", "公安机关备案号",
	"ICP备案", "字号：", "字号:", "字体：", "字体:", "内容摘要", "扫一扫", "您访问的链接即将离开",
	"本作品是中华人民共和国", "本作品在全世界", "注：中文维基文库", "Public domain",
	"本站", "本网", "上一页", "下一页",
}

// junkContains mark lines of web-page chrome anywhere in lines of at most
// 120 characters.
var junkContains = []string{"ICP备", "公网安备", "www.", "http://", "https://", ".com",
	".gov.cn", "All Rights Reserved", "All rights reserved", "版权所有", "©"}

// isJunkLine reports whether a trimmed line is web-page chrome.
func isJunkLine(l string) bool {
	if len(l) > 4*300 {
		return false // longer than any junk line
	}
	if l != "" && isAll(l, func(r rune) bool { return strings.ContainsRune("，。、；！？", r) }) {
		return false // "。" a page layout put on a line of its own: JoinBrokenLines joins it
	}
	s := trimJunkDecor(l)
	if s == "" || !hasWordChar(s) || junkExact[s] {
		return true
	}
	n := utf8.RuneCountInString(s)
	if n <= 300 && hasAnyPrefix(s, junkPrefixes...) {
		return true
	}
	if n <= 15 && hasAnySuffix(s, "微信", "微博", "客户端", "公众号", "头条号") {
		return true // follow-us links
	}
	if n <= 200 && isMenuLine(s) {
		return true
	}
	if n <= 120 {
		for _, c := range junkContains {
			if strings.Contains(s, c) {
				return true
			}
		}
		if strings.Contains(s, "记者") && strings.HasSuffix(s, "摄") {
			return true // photo caption
		}
	}
	return isStampLine(s)
}

// hasWordChar reports whether s holds a letter, digit or Han character.
func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isStampLine reports whether s is a bare number, a publication time stamp
// ("2023-12-09 10:45:02", "2026年02月10日 07时41分", "2021-04-15 发布"), a
// file size ("37.5 KB"), a page count ("11页") or a hexadecimal id. A
// date without a time written in Chinese ("2001年1月8日") is not a stamp:
// it may be the date the report was delivered.
func isStampLine(s string) bool {
	if len(s) > 60 {
		return false
	}
	s = strings.TrimSpace(trimAnySuffix(s, "发布", "更新", "星期一", "星期二", "星期三", "星期四",
		"星期五", "星期六", "星期日", "星期天"))
	switch {
	case s == "":
		return false
	case isAll(s, isASCIIDigit):
		return len(s) <= 12
	case isFileSize(s), isPageCount(s), isHexID(s):
		return true
	}
	digits, sep := 0, false
	for _, r := range s {
		switch {
		case isASCIIDigit(r):
			digits++
		case r == '-' || r == ':' || r == '/' || r == '时' || r == '分' || r == '秒':
			sep = true
		case r == ' ' || r == '.' || r == '年' || r == '月' || r == '日':
		default:
			return false
		}
	}
	return sep && digits >= 4
}

// trimAnySuffix removes the first of suffixes that s ends with.
func trimAnySuffix(s string, suffixes ...string) string {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return strings.TrimSuffix(s, x)
		}
	}
	return s
}

// isAll reports whether every rune of s satisfies f.
func isAll(s string, f func(rune) bool) bool {
	return countPrefix(s, f) == len(s)
}

// isFileSize reports whether s is a number and a size unit: "37.5 KB".
func isFileSize(s string) bool {
	num := countPrefix(s, func(r rune) bool { return isASCIIDigit(r) || r == '.' })
	if num == 0 {
		return false
	}
	switch strings.ToUpper(strings.TrimSpace(s[num:])) {
	case "B", "K", "KB", "M", "MB", "G", "GB":
		return true
	}
	return false
}

// isPageCount reports whether s is a page count or page number: "11页",
// "共11页", "第3页", "第3页共11页", "3/11" (spaces ignored).
func isPageCount(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if a, b, ok := strings.Cut(s, "/"); ok {
		return a != "" && b != "" && isAll(a, isASCIIDigit) && isAll(b, isASCIIDigit)
	}
	if s == "" {
		return false
	}
	for s != "" {
		s = strings.TrimPrefix(strings.TrimPrefix(s, "共"), "第")
		d := countPrefix(s, isASCIIDigit)
		if d == 0 || !strings.HasPrefix(s[d:], "页") {
			return false
		}
		s = s[d+len("页"):]
	}
	return true
}

// isHexID reports whether s is a long hexadecimal id (an anchor of a
// scraped page's related-links list).
func isHexID(s string) bool {
	return len(s) >= 16 && isAll(s, func(r rune) bool {
		return isASCIIDigit(r) || (r >= 'a' && r <= 'f')
	})
}
