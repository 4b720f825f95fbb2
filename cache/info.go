package cache

import "fmt"

// Megabytes formats n bytes in megabytes (10⁶ bytes): "12.3 MB".
func Megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
