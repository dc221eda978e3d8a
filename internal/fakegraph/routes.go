package fakegraph

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// graphBasePath is where the industryData API lives under the host.
const graphBasePath = "/beta/external/industryData"

// A call is one routed Graph request.
type call struct {
	params []string // path parameters, in pattern order
	body   []byte   // decoded body
	query  queryOptions
}

type handler func(s *Server, w http.ResponseWriter, r *http.Request, c *call)

// route is one Graph resource: its path patterns (relative to
// graphBasePath; "{}" is a parameter), its methods and the system query
// options it accepts. Both the SDK's namespaced function/action names and
// the docs' short forms are routed.
type route struct {
	patterns []string
	methods  map[string]handler
	options  []string
}

var (
	listOptions = []string{"$top", "$skiptoken", "$select", "$expand"}
	itemOptions = []string{"$select", "$expand"}
)

// routes is ordered: literal segments (getStatistics, start) before the
// {id} patterns they would otherwise match. Each configuration entity is one
// line (see entities.go).
var routes = slices.Concat(runRoutes,
	entityRoutes(sourceSystemKind),
	entityRoutes(yearKind),
	entityRoutes(roleGroupKind),
	entityRoutes(dataConnectorKind),
	entityRoutes(inboundFlowKind),
	entityRoutes(referenceDefinitionKind),
	entityRoutes(flowSetKind), provisioningFlowRoutes,
)

var runRoutes = []route{
	{patterns: []string{"runs"}, methods: map[string]handler{http.MethodGet: (*Server).listRuns}, options: listOptions},
	{patterns: []string{"runs/microsoft.graph.industryData.getStatistics()", "runs/getStatistics"}, methods: map[string]handler{http.MethodGet: (*Server).aggregateStatistics}},
	{patterns: []string{"runs/microsoft.graph.industryData.start", "runs/start"}, methods: map[string]handler{http.MethodPost: (*Server).startRun}},
	{patterns: []string{"runs/{}"}, methods: map[string]handler{http.MethodGet: (*Server).getRun, http.MethodPatch: (*Server).patchRun}, options: itemOptions},
	{patterns: []string{"runs/{}/microsoft.graph.industryData.getStatistics()", "runs/{}/getStatistics"}, methods: map[string]handler{http.MethodGet: (*Server).runStatistics}},
	{patterns: []string{"runs/{}/activities"}, methods: map[string]handler{http.MethodGet: (*Server).listActivities}, options: []string{"$top", "$skiptoken", "$select"}},
	{patterns: []string{"runs/{}/activities/{}"}, methods: map[string]handler{http.MethodGet: (*Server).getActivity}, options: []string{"$select"}},
	{patterns: []string{"operations"}, methods: map[string]handler{http.MethodGet: (*Server).listOperations}, options: []string{"$top", "$skiptoken"}},
	{patterns: []string{"operations/{}"}, methods: map[string]handler{http.MethodGet: (*Server).getOperation}},
}

func (s *Server) route(w http.ResponseWriter, r *http.Request, body []byte) {
	segs := pathSegments(r.URL)
	rt, params := matchRoute(segs)
	if rt == nil {
		// Graph answers an unroutable path 400 "Resource not found for the
		// segment", never 404: a 404 means the object does not exist, which
		// a client reads as "deleted".
		s.writeGraphError(w, http.StatusBadRequest, codeBadRequest, "",
			"Resource not found for the segment '%s'.", unmatchedSegment(segs))
		return
	}
	if s.readAfterWrite404(w, r, rt, params) {
		return
	}
	h, ok := rt.methods[r.Method]
	if !ok {
		// Assumption: Graph answers a method a resource lacks with 405 and
		// ASP.NET's "No HTTP resource was found" message under code BadRequest.
		w.Header().Set("Allow", strings.Join(slices.Sorted(maps.Keys(rt.methods)), ", "))
		s.writeGraphError(w, http.StatusMethodNotAllowed, codeBadRequest, "",
			"No HTTP resource was found that matches the request URI '%s%s'.", baseURL(r), r.URL.RequestURI())
		return
	}
	query, err := parseQueryOptions(r.URL.RawQuery, rt.options)
	if err != nil {
		s.writeBadRequest(w, err)
		return
	}
	h(s, w, r, &call{params: params, body: body, query: query})
}

// pathSegments splits the escaped path, so that an escaped '/' inside an
// id stays inside it; a trailing slash is ignored.
func pathSegments(u *url.URL) []string {
	p := strings.TrimSuffix(strings.TrimPrefix(u.EscapedPath(), "/"), "/")
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		if unescaped, err := url.PathUnescape(seg); err == nil {
			segs[i] = unescaped
		}
	}
	return segs
}

func matchRoute(segs []string) (*route, []string) {
	for i := range routes {
		for _, p := range routes[i].patterns {
			if params, ok := matchSegments(fullPattern(p), segs, false); ok {
				return &routes[i], params
			}
		}
	}
	return nil, nil
}

func fullPattern(p string) []string {
	return strings.Split(strings.TrimPrefix(graphBasePath, "/")+"/"+p, "/")
}

// matchSegments matches segments against a pattern; Graph's path segments
// are case-insensitive. With prefix, segs need only be a prefix of pattern.
func matchSegments(pattern, segs []string, prefix bool) ([]string, bool) {
	if len(segs) > len(pattern) || (!prefix && len(segs) != len(pattern)) {
		return nil, false
	}
	var params []string
	for i, seg := range segs {
		switch {
		case pattern[i] == "{}" && seg != "":
			params = append(params, seg)
		case !strings.EqualFold(pattern[i], seg):
			return nil, false
		}
	}
	return params, true
}

// unmatchedSegment is the first segment no route can continue from.
func unmatchedSegment(segs []string) string {
	for i := range segs {
		if !anyRouteStartsWith(segs[:i+1]) {
			return segs[i]
		}
	}
	return segs[len(segs)-1]
}

func anyRouteStartsWith(segs []string) bool {
	for _, rt := range routes {
		for _, p := range rt.patterns {
			if _, ok := matchSegments(fullPattern(p), segs, true); ok {
				return true
			}
		}
	}
	return false
}

// isGraphPath reports whether a path is under /beta.
func isGraphPath(p string) bool {
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	return strings.EqualFold(first, "beta")
}
