package acctest

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// RequestLine renders a Graph request as "METHOD /path" (query omitted) for
// readable comparisons; the /beta/external/industryData prefix is cut.
func RequestLine(r fakegraph.Request) string {
	return r.Method + " " + strings.TrimPrefix(r.Path, "/beta/external/industryData")
}

// GraphRequestLines lists every Graph request the fake received, in order.
func GraphRequestLines(fake *fakegraph.Server) []string {
	var out []string
	for _, r := range fake.GraphRequests() {
		out = append(out, RequestLine(r))
	}
	return out
}

// Writes lists the Graph requests that could change something.
func Writes(fake *fakegraph.Server) []string {
	var out []string
	for _, r := range fake.GraphRequests() {
		if r.Method != http.MethodGet {
			out = append(out, RequestLine(r))
		}
	}
	return out
}

// DescribeRequests is for failure messages.
func DescribeRequests(fake *fakegraph.Server) string {
	lines := GraphRequestLines(fake)
	if len(lines) == 0 {
		return "(no Graph requests)"
	}
	return fmt.Sprintf("%d Graph requests:\n  %s", len(lines), strings.Join(lines, "\n  "))
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
