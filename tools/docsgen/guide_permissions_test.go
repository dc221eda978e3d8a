package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// A guide that walks through several resources lists the permissions of
// exactly the calls those resources' own pages list: no more, no fewer.
func TestGuidePermissionsAreThoseOfItsResources(t *testing.T) {
	for _, tc := range []struct {
		guide    string   // template under templates/guides
		examples []string // the folders of HCL the guide shows
	}{
		{guide: "complete-setup.md.tmpl", examples: []string{"examples/guides/complete-setup", "examples/demo"}},
	} {
		t.Run(tc.guide, func(t *testing.T) {
			got := permissionKinds(t, filepath.Join("templates", "guides", tc.guide))
			var want []string
			for _, page := range pagesUsedBy(t, tc.examples) {
				for _, kind := range permissionKinds(t, page) {
					if !slices.Contains(want, kind) {
						want = append(want, kind)
					}
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("[[permissions]] of %s lists %v,\nthe pages of the resources and data sources it uses list %v", tc.guide, got, want)
			}
		})
	}
}

var permissionsLine = regexp.MustCompile(`(?m)^\[\[permissions((?: [a-z_]+)*)\]\]$`)

// permissionKinds are the kinds of call a template's [[permissions]] lines name.
func permissionKinds(t *testing.T, template string) []string {
	t.Helper()
	text := readRepoFile(t, template)
	var kinds []string
	for _, m := range permissionsLine.FindAllStringSubmatch(text, -1) {
		kinds = append(kinds, strings.Fields(m[1])...)
	}
	if len(kinds) == 0 {
		t.Fatalf("%s has no [[permissions KIND...]] line", template)
	}
	return kinds
}

var usedType = regexp.MustCompile(`(?m)^(resource|data) "industrydata_([a-z_]+)"`)

// pagesUsedBy are the templates of the resources and data sources that the
// .tf files of the folders declare.
func pagesUsedBy(t *testing.T, folders []string) []string {
	t.Helper()
	var pages []string
	for _, folder := range folders {
		files, err := filepath.Glob(filepath.Join(repoRoot(t), folder, "*.tf"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no .tf files in %s (%v)", folder, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range usedType.FindAllStringSubmatch(string(data), -1) {
				dir := map[string]string{"resource": "resources", "data": "data-sources"}[m[1]]
				page := filepath.Join("templates", dir, m[2]+".md.tmpl")
				if !slices.Contains(pages, page) {
					pages = append(pages, page)
				}
			}
		}
	}
	return pages
}

func readRepoFile(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}
