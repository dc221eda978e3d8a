// Command terraform-provider-industrydata serves the industrydata provider to
// Terraform and OpenTofu.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/industrydata/terraform-provider-industrydata/internal/process"
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
	process.Prepare(os.Getenv, os.Setenv)

	if err := process.Serve(address, provider.New(version), debug); err != nil {
		log.Fatal(err.Error())
	}
}
