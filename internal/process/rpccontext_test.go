package process

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

type ctxKey struct{}

// registeringServer keeps a cancel function for every RPC's context, as the
// framework's server does (registerContext), and checks what the RPC sees.
type registeringServer struct {
	tfprotov6.ProviderServer
	cancels []context.CancelFunc
	during  func(context.Context)
}

func (s *registeringServer) ReadResource(ctx context.Context, _ *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	ctx, cancel := context.WithCancel(ctx)
	s.cancels = append(s.cancels, cancel)
	if s.during != nil {
		s.during(ctx)
	}
	return &tfprotov6.ReadResourceResponse{}, nil
}

// While the RPC runs, its context is the caller's: values, deadline and
// cancellation pass through.
func TestReleasedContextIsTheCallersDuringTheRPC(t *testing.T) {
	deadline := time.Now().Add(time.Hour)
	parent, cancelParent := context.WithDeadline(context.WithValue(context.Background(), ctxKey{}, "rpc"), deadline)
	defer cancelParent()
	inner := &registeringServer{during: func(ctx context.Context) {
		if got := ctx.Value(ctxKey{}); got != "rpc" {
			t.Errorf("Value = %v, want rpc", got)
		}
		if got, ok := ctx.Deadline(); !ok || !got.Equal(deadline) {
			t.Errorf("Deadline = %v, %t; want %v", got, ok, deadline)
		}
		cancelParent()
		select {
		case <-ctx.Done():
		case <-time.After(10 * time.Second):
			t.Fatal("cancelling the caller's context did not reach the RPC")
		}
		if ctx.Err() == nil {
			t.Error("Err is nil after the caller cancelled")
		}
	}}
	if _, err := ReleaseRPCContexts(inner).ReadResource(parent, &tfprotov6.ReadResourceRequest{}); err != nil {
		t.Fatal(err)
	}
	if len(inner.cancels) != 1 {
		t.Fatalf("the RPC reached the server %d times, want once", len(inner.cancels))
	}
}
