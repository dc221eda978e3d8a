package process_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/industrydata/terraform-provider-industrydata/internal/process"
	"github.com/industrydata/terraform-provider-industrydata/internal/provider"
)

type payloadKey struct{}

// The framework's own server keeps every RPC's context (the reason for
// ReleaseRPCContexts); wrapped, it lets it go. When an upgrade of the
// framework makes "framework alone" fail, the wrapper can go.
func TestFrameworkKeepsRPCContextsUnlessReleased(t *testing.T) {
	for _, wrapped := range []bool{true, false} {
		t.Run(map[bool]string{true: "wrapped", false: "framework alone"}[wrapped], func(t *testing.T) {
			server := providerserver.NewProtocol6(provider.New("test")())()
			if wrapped {
				server = process.ReleaseRPCContexts(server)
			}
			freed := make(chan struct{})
			func() {
				payload := new([1 << 16]byte)
				runtime.AddCleanup(payload, func(ch chan struct{}) { close(ch) }, freed)
				ctx := context.WithValue(context.Background(), payloadKey{}, payload)
				// An unknown type still goes through the framework's registration.
				if _, err := server.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: "industrydata_none"}); err != nil {
					t.Fatal(err)
				}
			}()
			for range 3 {
				runtime.GC()
			}
			wait := 200 * time.Millisecond
			if wrapped {
				wait = 10 * time.Second
			}
			select {
			case <-freed:
				if !wrapped {
					t.Error("the framework let the RPC's context go: ReleaseRPCContexts may no longer be needed")
				}
			case <-time.After(wait):
				if wrapped {
					t.Error("the RPC's context is still reachable after the RPC returned")
				}
			}
			runtime.KeepAlive(server)
		})
	}
}
