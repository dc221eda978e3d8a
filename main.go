// Command terraform-provider-industrydata serves the industrydata provider to
// Terraform and OpenTofu.
package main

import (
	"context"
	"flag"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/industrydata/terraform-provider-industrydata/internal/provider"
)

// version is set by the release build (-ldflags "-X main.version=…").
var version = "dev"

// Address is where the registry serves this provider.
const address = "registry.terraform.io/industrydata/industrydata"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()
	quietUnreadLogs(os.Getenv, os.Setenv)

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address:         address,
		Debug:           debug,
		ProtocolVersion: 6,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}

// logVars are the variables by which a user asks to see provider logs.
var logVars = []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_INDUSTRYDATA"}

// quietUnreadLogs switches the plugin SDK's loggers off when no log variable
// is set. Unset, they log every RPC at TRACE to stderr, which Terraform
// parses and then drops: measured in `make bench`, 10–30 % of the wall time
// of a large plan or apply. With any of logVars set, nothing changes.
func quietUnreadLogs(getenv func(string) string, setenv func(string, string) error) {
	for _, name := range logVars {
		if getenv(name) != "" {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"} {
		_ = setenv(name, "off")
	}
}
