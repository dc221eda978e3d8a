package lifecycle

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// CRUD is the whole lifecycle of a configuration object (source system,
// year, …) whose resource only maps attributes to Graph properties: M is the
// resource's model, G the graph package's value. An entity package gives
// its Graph calls and its two mappings; CRUD does the rest the same way for
// every such resource:
//
//   - Create: one POST; state from the 201.
//   - Read: one GET; a 404 removes the resource from state.
//   - Update: one PATCH of only what changed (graph compares prior and
//     desired), then state from Graph's answer (or the plan when nothing was
//     sent); a failed PATCH leaves state as it was.
//   - Delete: one DELETE; a 404 counts as deleted.
//   - Import: by id, which must be a GUID.
//
// Every call is bounded by the timeouts block (DefaultTimeout otherwise).
type CRUD[M, G any] struct {
	What           string // "industry data year": in messages
	DefaultTimeout time.Duration

	Graph Calls[G]

	// ToGraph is the object a model describes.
	ToGraph func(m M) G
	// FromGraph is the model of what Graph holds; known (the plan, or the
	// prior state) supplies what Graph does not return and the timeouts.
	FromGraph func(g *G, known M) M
	// ID and Timeouts read the model's id and timeouts block.
	ID       func(m M) string
	Timeouts func(m M) timeouts.Value
	// Complete, when set, fills in after a Read what Graph does not return
	// with the object (a relationship) and the prior state lacks: after an
	// import. It may call Graph.
	Complete func(ctx context.Context, c *graph.Client, m M) (M, error)
	// WriteOnly, when set, copies write-only values, which only the
	// configuration holds, into the models Create and Update build their
	// requests from (never into state). prior is nil on create.
	WriteOnly func(ctx context.Context, config tfsdk.Config, prior, desired *M) diag.Diagnostics
	// AfterWrite, when set, runs after a successful create or update (even
	// one that sent nothing) on the model about to be stored, and returns
	// the model to store; the state is stored even when it adds errors, so
	// that it matches the server.
	AfterWrite func(ctx context.Context, c *graph.Client, m M, diags *diag.Diagnostics) M
	// Adopt, when set, runs when Graph.Create fails: it may take over the
	// existing object the create collided with (returning it as Graph now
	// holds it, with a warning that says so) or return the error to report
	// (err itself when there is nothing to adopt).
	Adopt func(ctx context.Context, c *graph.Client, desired G, err error, diags *diag.Diagnostics) (*G, error)

	client *graph.Client
}

// Calls are an object's Graph calls, as the graph package's method
// expressions: (*graph.Client).GetYear, …
type Calls[G any] struct {
	Get    func(c *graph.Client, ctx context.Context, id string) (*G, error)
	Create func(c *graph.Client, ctx context.Context, v G) (*G, error)
	Update func(c *graph.Client, ctx context.Context, id string, prior, desired G) (*G, error)
	Delete func(c *graph.Client, ctx context.Context, id string) error
}

// New returns a fresh copy of c for one resource instance: the framework
// calls Configure on each instance.
func (c *CRUD[M, G]) New() *CRUD[M, G] {
	fresh := *c
	return &fresh
}

// Configure takes the Graph client from the provider.
func (c *CRUD[M, G]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	c.client = ClientFrom(req.ProviderData, &resp.Diagnostics)
}

// Create POSTs the planned object.
func (c *CRUD[M, G]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	if resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := WithTimeout(ctx, c.Timeouts(plan).Create, c.DefaultTimeout, &resp.Diagnostics)
	defer cancel()

	desired := plan
	if c.WriteOnly != nil {
		if resp.Diagnostics.Append(c.WriteOnly(ctx, req.Config, nil, &desired)...); resp.Diagnostics.HasError() {
			return
		}
	}
	created, err := c.Graph.Create(c.client, ctx, c.ToGraph(desired))
	if err != nil && c.Adopt != nil {
		created, err = c.Adopt(ctx, c.client, c.ToGraph(desired), err, &resp.Diagnostics)
	}
	if err != nil {
		Failed(&resp.Diagnostics, "create", c.What, "", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, c.afterWrite(ctx, c.FromGraph(created, plan), &resp.Diagnostics))...)
}

func (c *CRUD[M, G]) afterWrite(ctx context.Context, m M, diags *diag.Diagnostics) M {
	if c.AfterWrite == nil {
		return m
	}
	return c.AfterWrite(ctx, c.client, m, diags)
}

// Read refreshes the object, or forgets it when Graph no longer has it.
func (c *CRUD[M, G]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := WithTimeout(ctx, c.Timeouts(state).Read, c.DefaultTimeout, &resp.Diagnostics)
	defer cancel()

	id := c.ID(state)
	got, err := c.Graph.Get(c.client, ctx, id)
	if RemoveIfGone(ctx, err, &resp.State, c.What, id) {
		return
	}
	if err != nil {
		Failed(&resp.Diagnostics, "read", c.What, id, err)
		return
	}
	m := c.FromGraph(got, state)
	if c.Complete != nil {
		if m, err = c.Complete(ctx, c.client, m); err != nil {
			Failed(&resp.Diagnostics, "read", c.What, id, err)
			return
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// Update sends one PATCH of what changed.
func (c *CRUD[M, G]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := WithTimeout(ctx, c.Timeouts(plan).Update, c.DefaultTimeout, &resp.Diagnostics)
	defer cancel()

	id := c.ID(state)
	prior, desired := state, plan
	if c.WriteOnly != nil {
		if resp.Diagnostics.Append(c.WriteOnly(ctx, req.Config, &prior, &desired)...); resp.Diagnostics.HasError() {
			return
		}
	}
	updated, err := c.Graph.Update(c.client, ctx, id, c.ToGraph(prior), c.ToGraph(desired))
	if err != nil {
		// The PATCH failed: state keeps what the server held before it.
		Failed(&resp.Diagnostics, "update", c.What, id, err)
		return
	}
	if updated == nil { // nothing to send (e.g. only timeouts changed)
		resp.Diagnostics.Append(resp.State.Set(ctx, c.afterWrite(ctx, plan, &resp.Diagnostics))...)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, c.afterWrite(ctx, c.FromGraph(updated, plan), &resp.Diagnostics))...)
}

// Delete removes the object; one already gone counts as deleted.
func (c *CRUD[M, G]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := WithTimeout(ctx, c.Timeouts(state).Delete, c.DefaultTimeout, &resp.Diagnostics)
	defer cancel()

	if err := c.Graph.Delete(c.client, ctx, c.ID(state)); err != nil {
		Failed(&resp.Diagnostics, "delete", c.What, c.ID(state), err)
	}
}

// ImportState takes the object's id; Read fills in the rest.
func (c *CRUD[M, G]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if CheckImportID(req.ID, "an "+c.What, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	}
}
