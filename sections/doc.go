// Package sections finds where a government work report's review of past
// work and its plan begin: SplitSections reads the report's headings (一、
// 2023年工作回顾, 二、2024年工作安排 …) and cuts the text into a preamble,
// a review and a plan, as Sections of a Part.
//
// It is a leaf: it works on the cleaned text alone and knows nothing of
// files or documents; package reports calls it for every Document and
// re-exports Part and Section.
package sections
