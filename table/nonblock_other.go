//go:build !unix

package table

// oNonblock is 0 where FIFOs do not live in folders (Windows, wasm).
const oNonblock = 0
