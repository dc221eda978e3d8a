// Command docsgen prints the parts of the documentation that come from the
// provider's code, so that docs/ cannot drift from it. tools/docs.sh runs it
// for each [[permissions KIND...]] line of the templates:
//
//	go run ./tools/docsgen permissions read_run start_run
//
// prints a Markdown table of the Microsoft Graph permissions those kinds of
// call need (every kind when none is named), from internal/tfdiag's table (the one the provider also quotes
// when Graph answers 401 or 403), with its assumptions spelled out.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/tfdiag"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "docsgen:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	if len(args) < 1 || args[0] != "permissions" {
		return fmt.Errorf("usage: docsgen permissions [KIND...]; kinds: %s", kindNames())
	}
	kinds := args[1:]
	if len(kinds) == 0 {
		for _, k := range graph.OperationKinds {
			kinds = append(kinds, string(k))
		}
	}
	table, err := permissionsTable(kinds)
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, table)
	return err
}

// permissionsTable renders one row per kind of call, in the order given,
// and a note under the table for each row that rests on an assumption.
func permissionsTable(kinds []string) (string, error) {
	var b, notes strings.Builder
	b.WriteString("| Operation | Graph request (under `/external/industryData`) | Application permission | Delegated permission |\n")
	b.WriteString("|---|---|---|---|\n")
	for _, k := range kinds {
		p, ok := tfdiag.PermissionFor(graph.OperationKind(k))
		if !ok {
			return "", fmt.Errorf("unknown kind of call %q; kinds: %s", k, kindNames())
		}
		app, del := code(p.Application), code(p.Delegated)
		if len(p.Higher) > 0 {
			higher := " (or " + code(p.Higher...) + ")"
			app, del = app+higher, del+higher
		}
		op := capitalize(p.Operation)
		if p.Source != "" {
			op = "[" + op + "](" + p.Source + ")"
		}
		if p.Assumption != "" {
			app, del = app+" *(assumed)*", del+" *(assumed)*"
			fmt.Fprintf(&notes, "- *%s*: %s.\n", capitalize(p.Operation), strings.TrimSuffix(strings.TrimPrefix(p.Assumption, "assumed: "), "."))
		}
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", op, p.Request, app, del)
	}
	if notes.Len() > 0 {
		b.WriteString("\nAssumptions, where Microsoft's documentation does not say:\n\n")
		b.WriteString(notes.String())
	}
	return b.String(), nil
}

func code(names ...string) string { return "`" + strings.Join(names, "`, `") + "`" }

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func kindNames() string {
	names := make([]string, len(graph.OperationKinds))
	for i, k := range graph.OperationKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
