package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// Check is a statecheck.StateCheck that looks at the fake instead of the
// state: what the provider sent is the point, and only the fake saw it.
type Check func() error

// CheckState implements statecheck.StateCheck.
func (c Check) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c()
}

// ExpectWrites checks that the Graph writes (non-GET requests) since the last
// fake.ResetRequests are exactly want, e.g. "PATCH /runs/<id>".
func ExpectWrites(fake *fakegraph.Server, want ...string) statecheck.StateCheck {
	return Check(func() error {
		if got := Writes(fake); !slices.Equal(got, want) {
			return fmt.Errorf("writes: got %q, want %q\n%s", got, want, DescribeRequests(fake))
		}
		return nil
	})
}

// ExpectRequests checks that the Graph requests since the last reset are
// exactly want, in order.
func ExpectRequests(fake *fakegraph.Server, want ...string) statecheck.StateCheck {
	return Check(func() error {
		if got := GraphRequestLines(fake); !slices.Equal(got, want) {
			return fmt.Errorf("requests: got %q, want %q", got, want)
		}
		return nil
	})
}

// ExpectPatchBodies checks the bodies of the PATCH requests since the last
// reset, as JSON objects, in order.
func ExpectPatchBodies(fake *fakegraph.Server, want ...map[string]any) statecheck.StateCheck {
	return ExpectBodies(fake, http.MethodPatch, want...)
}

// ExpectBodies checks the bodies of the requests of one method since the
// last reset, as JSON objects, in order.
func ExpectBodies(fake *fakegraph.Server, method string, want ...map[string]any) statecheck.StateCheck {
	return Check(func() error {
		var got []map[string]any
		for _, r := range fake.GraphRequests() {
			if r.Method != method {
				continue
			}
			var body map[string]any
			if err := json.Unmarshal(r.Body, &body); err != nil {
				return fmt.Errorf("%s body is not a JSON object: %s", method, r.Body)
			}
			got = append(got, body)
		}
		if len(got) != len(want) {
			return fmt.Errorf("%d %s requests, want %d: %v", len(got), method, len(want), got)
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				return fmt.Errorf("%s #%d body:\n got %v\nwant %v", method, i+1, got[i], want[i])
			}
		}
		return nil
	})
}

// ExpectRequestShapes is ExpectRequests with every GUID in a path written
// as {id}, for objects whose ids the fake chooses: "PATCH /years/{id}".
func ExpectRequestShapes(fake *fakegraph.Server, want ...string) statecheck.StateCheck {
	return Check(func() error {
		var got []string
		for _, line := range GraphRequestLines(fake) {
			got = append(got, guid.ReplaceAllString(line, "{id}"))
		}
		if !slices.Equal(got, want) {
			return fmt.Errorf("requests: got %q, want %q", got, want)
		}
		return nil
	})
}

// ExpectWriteShapes is ExpectWrites with every GUID in a path written as
// {id}: "PATCH /years/{id}".
func ExpectWriteShapes(fake *fakegraph.Server, want ...string) statecheck.StateCheck {
	return Check(func() error {
		var got []string
		for _, line := range Writes(fake) {
			got = append(got, guid.ReplaceAllString(line, "{id}"))
		}
		if !slices.Equal(got, want) {
			return fmt.Errorf("writes: got %q, want %q\n%s", got, want, DescribeRequests(fake))
		}
		return nil
	})
}

var guid = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)

// ExpectNoRequests fails t when the fake received any Graph request: bad
// input must fail before one is sent. Call it after resource.Test.
func ExpectNoRequests(t testing.TB, fake *fakegraph.Server) {
	t.Helper()
	if n := len(fake.GraphRequests()); n != 0 {
		t.Errorf("sent %d Graph requests, want none:\n%s", n, DescribeRequests(fake))
	}
}

// RunType is the @odata.type every run PATCH carries.
const RunType = "#microsoft.graph.industryData.industryDataRun"

// StateResource is one resource of the state after a step, as the CLI
// reports it.
type StateResource struct {
	Address, Type string
	Values        map[string]any
}

type resourcesCheck func([]StateResource) error

// CheckResources runs f on the managed resources in state after a step, to
// compare them with what the fake holds.
func CheckResources(f func([]StateResource) error) statecheck.StateCheck { return resourcesCheck(f) }

func (f resourcesCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	var out []StateResource
	if req.State != nil && req.State.Values != nil && req.State.Values.RootModule != nil {
		for _, r := range req.State.Values.RootModule.Resources {
			if r.Mode == "managed" {
				out = append(out, StateResource{Address: r.Address, Type: r.Type, Values: r.AttributeValues})
			}
		}
	}
	resp.Error = f(out)
}
