// Package chart draws tifa's results as PNG, SVG or PDF figures with gonum/plot, using a font with Chinese glyphs found at run time.
//
// The package draws plain data (series, matrices, points, merges, bars) and
// writes bytes; it opens no file but the font. Five chart types share one
// interface, [Chart]: [Lines] (slogan trends, diffusion curves), [Heatmap]
// (a similarity matrix), [Scatter] (a 2-D map of documents coloured by
// cluster), [Dendrogram] (a hierarchical clustering in scipy's linkage
// convention) and [Bars] (signed horizontal bars, e.g. keyness G²).
// [TrendLines], [AdoptionLines], [SimilarityHeatmap], [ClusterMap],
// [ClusterTree] and [KeynessBars] make the chart of each of tifa's
// results, as tifa's --plot draws it; [TrendChart] and [AdoptionChart]
// first pick the slogans that keep the lines few, and say which they left
// out ([Picked]).
//
// Fonts. [FindFont] picks a face with Chinese glyphs: the file given, else
// $TIFA_FONT, else the first of a list of well-known places (Debian's
// fonts-noto-cjk, fonts-wqy-zenhei, fonts-wqy-microhei, fonts-arphic-uming,
// macOS and Windows system fonts). From a collection
// (.ttc) it takes the Simplified Chinese face. A font without Chinese glyphs
// is refused rather than drawn as empty boxes, and so is a fallback-only
// face without Latin letters and digits (Droid Sans Fallback).
//
// Formats. PNG is rasterised at 150 dots per inch with the face itself; CFF
// (PostScript) outlines, as in Noto Sans CJK, are drawn as well as TrueType
// ones. SVG names the face's family followed by common Chinese fallbacks
// ('Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', …, sans-serif)
// and embeds no font. PDF embeds a subset of the face holding only the
// characters used; the PDF writer reads TrueType outlines only, so when the
// chosen face has CFF outlines the first TrueType Chinese font of the
// well-known list is used for PDF (Debian: fonts-wqy-zenhei), and when there
// is none the error says what to install.
//
// Output is byte-for-byte the same for the same input and font: the PDF
// carries a fixed creation date and sorted resources, and nothing in any
// format depends on the clock or on map order.
package chart
