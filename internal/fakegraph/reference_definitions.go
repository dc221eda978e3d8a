package fakegraph

// seedReferenceDefinitions stores a few of the built-in reference
// definitions every tenant has (source "microsoft.com"), with the reference's
// id shape "{referenceType}-{code}". Assumption: the reference names
// RefIdentifierType-username; the other codes, names and sort indexes are a
// sample chosen by the fake, and the real service has many more.
func seedReferenceDefinitions(s *Server) {
	for _, d := range []struct {
		typ, code, name string
		sortIndex       int
	}{
		{"RefIdentifierType", "username", "User name", 1},
		{"RefIdentifierType", "email", "Email", 2},
		{"RefGradeLevel", "09", "Grade 9", 9},
		{"RefGradeLevel", "10", "Grade 10", 10},
		{"RefOrgType", "school", "School", 1},
	} {
		s.PutEntity(ReferenceDefinitions, map[string]any{
			"id": d.typ + "-" + d.code, "referenceType": d.typ, "code": d.code, "displayName": d.name,
			"sortIndex": d.sortIndex, "isDisabled": false, "source": "microsoft.com",
		})
	}
}
