// Package fakegraph is an in-memory fake of the Microsoft Graph (beta)
// industryData runs API and of the Microsoft identity platform's
// client-credentials token endpoint, for tests and demos.
//
// It follows the facts in the project's Graph reference, not the needs of
// any client: the provider under test must cope with what Graph answers, so
// the fake answers like Graph (error bodies, paging, time formats, PATCH
// validation), even where that is inconvenient. Where the reference is silent
// the code says which choice it made ("assumption").
//
// Its use mirrors net/http/httptest:
//
//	srv := fakegraph.NewTLSServer(fakegraph.Options{Runs: fakegraph.SampleRuns(time.Now())})
//	defer srv.Close()
//	// point a client at srv.GraphURL(), authority host srv.URL()+"/", transport srv.Client().Transport
//
// Faults are injected two ways (faults.go): InjectFault scripts them ("the
// next GET of /runs answers 429"), and Options.Faults is a seeded random
// plan of 429s, 503s, 504s, dropped connections (a dropped write is applied
// first), latency and a read-after-write 404 window, with counters in
// FaultStats. Both touch Graph paths only, never the identity endpoints.
//
// The package imports only the standard library and no provider code.
package fakegraph
