package process

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// Serve serves the provider over plugin protocol 6, as providerserver.Serve
// does, with each RPC's context released when the RPC returns
// (ReleaseRPCContexts). debug starts it for a debugger (delve).
func Serve(address string, newProvider func() provider.Provider, debug bool) error {
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	return tf6server.Serve(address, func() tfprotov6.ProviderServer {
		return ReleaseRPCContexts(providerserver.NewProtocol6(newProvider())())
	}, opts...)
}

// ReleaseRPCContexts wraps a framework server so that it keeps nothing of an
// RPC's context once the RPC has returned.
//
// Why: terraform-plugin-framework (v1.19.0, internal/proto6server/serve.go,
// registerContext) keeps a cancel function for the context of every RPC it
// serves until Terraform calls StopProvider, which it does not do on a normal
// run: for the provider's whole life. Each one holds the context
// terraform-plugin-go built for the RPC (per-RPC logger options, gRPC's
// stream), so the live heap grew with every resource of a plan or apply, and
// every garbage collection marked all of it again (make bench, BENCHMARKS.md).
// The framework now gets a context that forgets its parent when the RPC
// returns; what it keeps is a few words per RPC.
//
// Only the RPCs Terraform sends per resource or data source are wrapped; the
// others (schemas, provider configuration, stop) run a few times per process.
// The wrapper offers tfprotov6.ProviderServer alone: this provider has no list
// resources, actions or state stores, whose optional server interfaces it
// would have to pass on too.
func ReleaseRPCContexts(s tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	return releasingServer{s}
}

type releasingServer struct {
	tfprotov6.ProviderServer
}

// released runs one RPC with a context that is cut from ctx when it returns.
func released[Req, Resp any](ctx context.Context, req Req, rpc func(context.Context, Req) (Resp, error)) (Resp, error) {
	rc := newReleasableContext(ctx)
	defer rc.release()
	return rpc(rc, req)
}

func (s releasingServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return released(ctx, req, s.ProviderServer.ValidateResourceConfig)
}

func (s releasingServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return released(ctx, req, s.ProviderServer.UpgradeResourceState)
}

func (s releasingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return released(ctx, req, s.ProviderServer.ReadResource)
}

func (s releasingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return released(ctx, req, s.ProviderServer.PlanResourceChange)
}

func (s releasingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return released(ctx, req, s.ProviderServer.ApplyResourceChange)
}

func (s releasingServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return released(ctx, req, s.ProviderServer.ImportResourceState)
}

func (s releasingServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return released(ctx, req, s.ProviderServer.ValidateDataResourceConfig)
}

func (s releasingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return released(ctx, req, s.ProviderServer.ReadDataSource)
}

// releasableContext is its parent until release, and an empty context that
// is never done after it. Values, deadline and cancellation pass through
// while the RPC runs.
type releasableContext struct {
	parent atomic.Pointer[context.Context]
}

func newReleasableContext(parent context.Context) *releasableContext {
	c := &releasableContext{}
	c.parent.Store(&parent)
	return c
}

func (c *releasableContext) release() { c.parent.Store(nil) }

func (c *releasableContext) get() context.Context {
	if p := c.parent.Load(); p != nil {
		return *p
	}
	return nil
}

func (c *releasableContext) Deadline() (time.Time, bool) {
	if p := c.get(); p != nil {
		return p.Deadline()
	}
	return time.Time{}, false
}

func (c *releasableContext) Done() <-chan struct{} {
	if p := c.get(); p != nil {
		return p.Done()
	}
	return nil
}

func (c *releasableContext) Err() error {
	if p := c.get(); p != nil {
		return p.Err()
	}
	return nil
}

func (c *releasableContext) Value(key any) any {
	if p := c.get(); p != nil {
		return p.Value(key)
	}
	return nil
}
