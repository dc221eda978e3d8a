package fakegraph

import (
	"encoding/base64"
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// queryOptions holds a request's OData system query options ("$…"),
// keyed by lower-case name (OData matches them case-insensitively).
type queryOptions map[string]string

// parseQueryOptions accepts only the options the resource supports, each at
// most once, with the OData library's messages otherwise.
func parseQueryOptions(raw string, allowed []string) (queryOptions, error) {
	values, err := url.ParseQuery(raw)
	if err != nil {
		return nil, invalid("", "The query specified in the URI is not valid. %s", err.Error())
	}
	q := queryOptions{}
	for _, name := range slices.Sorted(maps.Keys(values)) {
		if !strings.HasPrefix(name, "$") {
			continue // Assumption: custom query options are ignored, as OData does.
		}
		key := strings.ToLower(name)
		if _, seen := q[key]; seen || len(values[name]) > 1 {
			return nil, invalid(name, "Query option '%s' was specified more than once, but it must be specified at most once.", name)
		}
		if !slices.Contains(allowed, key) {
			return nil, invalid(name, "The query specified in the URI is not valid. Query option '%s' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.", name)
		}
		q[key] = values[name][0]
	}
	return q, nil
}

// pageSize is the server's page size, or $top when smaller. Like most of
// Graph, $top sizes the pages; nextLink carries it on.
func (q queryOptions) pageSize(limit int) (int, error) {
	raw, ok := q["$top"]
	if !ok {
		return limit, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 {
		return 0, invalid("$top", "Invalid value '%s' for $top query option found. The $top query option requires a non-negative integer value.", raw)
	}
	return min(n, limit), nil
}

// selection returns the properties named by $select (nil: all), checked
// against the type's properties.
func (q queryOptions) selection(typeName string, props []string) ([]string, error) {
	raw, ok := q["$select"]
	if !ok {
		return nil, nil
	}
	var out []string
	for _, f := range strings.Split(raw, ",") {
		f = strings.TrimSpace(f)
		if f == "*" {
			return nil, nil
		}
		i := slices.IndexFunc(props, func(p string) bool { return strings.EqualFold(p, f) })
		if i < 0 {
			return nil, invalid("$select", "Could not find a property named '%s' on type '%s'.", f, typeName)
		}
		out = append(out, props[i])
	}
	return out, nil
}

// expands reports whether $expand names the navigation property nav (or *).
// Nested options such as activities($select=id) are accepted and ignored.
func (q queryOptions) expands(typeName, nav string) (bool, error) {
	raw, ok := q["$expand"]
	if !ok {
		return false, nil
	}
	found := false
	for _, f := range strings.Split(raw, ",") {
		name, _, _ := strings.Cut(strings.TrimSpace(f), "(")
		if name != "*" && !strings.EqualFold(name, nav) {
			return false, invalid("$expand", "Could not find a property named '%s' on type '%s'.", name, typeName)
		}
		found = true
	}
	return found, nil
}

// applySelect keeps the selected properties (and annotations) of a
// rendered entity; nil fields keep everything.
func applySelect(v any, fields []string) any {
	if fields == nil {
		return v
	}
	data, err := json.Marshal(v)
	if err != nil {
		panic("fakegraph: " + err.Error()) // only the package's own types get here
	}
	tree, err := parseJSON(data)
	if err != nil {
		panic("fakegraph: " + err.Error())
	}
	obj := tree.(object)
	return slices.DeleteFunc(obj, func(m member) bool {
		return !strings.HasPrefix(m.Name, "@") && !slices.Contains(fields, m.Name)
	})
}

// paginate returns the page of items that follows the skiptoken, and the
// token for the next page ("" on the last). items must be sorted by key.
// The token holds the last key served rather than an offset, so pages stay
// correct when items are added or removed between requests.
func paginate[T any](items []T, key func(T) string, size int, token string) ([]T, string, error) {
	start := 0
	if token != "" {
		after, err := base64.RawURLEncoding.DecodeString(token)
		if err != nil {
			return nil, "", invalid("$skiptoken", "The $skiptoken value '%s' is not valid.", token)
		}
		start = sort.Search(len(items), func(i int) bool { return key(items[i]) > string(after) })
	}
	end := min(start+size, len(items))
	next := ""
	if end < len(items) && end > start {
		next = base64.RawURLEncoding.EncodeToString([]byte(key(items[end-1])))
	}
	return items[start:end], next, nil
}

type collectionJSON struct {
	Context  string `json:"@odata.context"`
	NextLink string `json:"@odata.nextLink,omitempty"`
	Value    []any  `json:"value"`
}

// writeList answers a collection GET: one page of items, rendered, with an
// absolute @odata.nextLink (on the host the client used) when more remain.
func writeList[T any](s *Server, w http.ResponseWriter, r *http.Request, c *call, items []T, key func(T) string, render func(T) any, contextFragment string) {
	size, err := c.query.pageSize(s.pageSize)
	if err != nil {
		s.writeBadRequest(w, err)
		return
	}
	page, next, err := paginate(items, key, size, c.query["$skiptoken"])
	if err != nil {
		s.writeBadRequest(w, err)
		return
	}
	writePage(w, r, c, page, next, render, contextFragment)
}

// writePage answers a collection GET with one page already cut, and the
// skiptoken of the next one ("" for the last page).
func writePage[T any](w http.ResponseWriter, r *http.Request, c *call, page []T, next string, render func(T) any, contextFragment string) {
	out := collectionJSON{Context: contextURL(r, contextFragment), Value: make([]any, len(page))}
	for i, item := range page {
		out.Value[i] = render(item)
	}
	if next != "" {
		out.NextLink = nextLink(r, c.query, next)
	}
	writeJSON(w, http.StatusOK, contentTypeGraph, out)
}

// nextLink repeats the request's options with a new $skiptoken. Option
// names keep their literal '$', as Graph's links do.
func nextLink(r *http.Request, q queryOptions, token string) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(q)) {
		if k != "$skiptoken" {
			parts = append(parts, k+"="+url.QueryEscape(q[k]))
		}
	}
	parts = append(parts, "$skiptoken="+token)
	return baseURL(r) + r.URL.EscapedPath() + "?" + strings.Join(parts, "&")
}

// contextURL is the @odata.context of a response.
func contextURL(r *http.Request, fragment string) string {
	return baseURL(r) + "/beta/$metadata#" + fragment
}
