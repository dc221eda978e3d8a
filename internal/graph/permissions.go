package graph

import "fmt"

// Permission is the Microsoft Graph permission one kind of call needs. It
// is plain data, kept next to the kind it describes, so that a new kind of
// call is declared once: the diagnostics of a 401 or 403 and the docs'
// permission tables both read it from here.
type Permission struct {
	Operation   string   // what the call does, in words ("reading a run")
	Request     string   // method and path under /external/industryData
	Application string   // least privileged application permission
	Delegated   string   // least privileged delegated permission (work or school account)
	Higher      []string // higher privileged permissions the docs also accept
	Source      string   // the documentation page the row comes from
	Assumption  string   // set when the docs do not say; what was assumed and why
}

// OperationKinds lists every registered kind, in registration order (for
// docs and tests).
var OperationKinds []OperationKind

var permissions = map[OperationKind]Permission{}

// registerKind declares a kind of call with the permission it needs. It is
// called from package-level variable declarations only; a kind declared
// twice is a programming error.
func registerKind(kind OperationKind, p Permission) OperationKind {
	if _, dup := permissions[kind]; dup {
		panic(fmt.Sprintf("graph: operation kind %q registered twice", kind))
	}
	permissions[kind] = p
	OperationKinds = append(OperationKinds, kind)
	return kind
}

// PermissionFor returns the permission a kind of call needs.
func PermissionFor(kind OperationKind) (Permission, bool) {
	p, ok := permissions[kind]
	return p, ok
}
