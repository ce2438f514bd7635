// Command formatvectors records which string formats the API server checks in custom resources,
// and what it says of sample values, as test vectors for src/policy/formats.ts.
//
// Usage (from tools/):
//
//	go run ./formatvectors ../test/policy/format-cases.json ../test/policy/format-vectors.json
//
// The input is a JSON array of {"format", "values"} groups. For each format, the schema
// {type: string, format: <format>} goes through what the API server does with a CRD schema
// (k8s.io/apiextensions-apiserver pkg/apiserver/validation NewSchemaValidator, which blanks the
// formats it does not support at its compatibility version); the format is "validated" when it
// survives and the kube-openapi registry (strfmt.Default) knows it. Each value is then "valid"
// when strfmt.Default.Validates(format, value) says so, or whatever it is when the format is not
// validated. The same value is also run through the schema validator itself, and the command fails
// if the two ever disagree.
//
// Only the module versions in go.mod and the Go release decide the output: net/url, net/mail, net
// and time come from the Go standard library, so the output names the Go minor release.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"

	apiextensions "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiservervalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	"k8s.io/apiserver/pkg/cel/environment"
	"k8s.io/kube-openapi/pkg/validation/strfmt"
)

type group struct {
	Format string   `json:"format"`
	Values []string `json:"values"`
}

type vector struct {
	Format string `json:"format"`
	// Validated tells whether the API server checks this format in a CRD schema.
	Validated bool `json:"validated"`
	// Valid and Invalid split the values of the group, in their order.
	Valid   []string `json:"valid"`
	Invalid []string `json:"invalid"`
}

type output struct {
	// Go is the Go minor release whose standard library made the vectors.
	Go string `json:"go"`
	// Modules are the versions of the Kubernetes modules that made the vectors.
	Modules map[string]string `json:"modules"`
	// CompatibilityVersion is the version whose supported formats the API server keeps.
	CompatibilityVersion string   `json:"compatibilityVersion"`
	Formats              []vector `json:"formats"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: formatvectors CASES.json VECTORS.json")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "formatvectors:", err)
		os.Exit(1)
	}
}

func run(casesPath, vectorsPath string) error {
	data, err := os.ReadFile(casesPath)
	if err != nil {
		return err
	}
	var groups []group
	if err := json.Unmarshal(data, &groups); err != nil {
		return fmt.Errorf("%s: %w", casesPath, err)
	}
	out := output{
		Go:                   regexp.MustCompile(`^go\d+\.\d+`).FindString(runtime.Version()),
		Modules:              modules("k8s.io/apiextensions-apiserver", "k8s.io/kube-openapi", "k8s.io/utils"),
		CompatibilityVersion: environment.DefaultCompatibilityVersion().String(),
		Formats:              make([]vector, 0, len(groups)),
	}
	seen := map[string]bool{}
	for _, g := range groups {
		if seen[g.Format] {
			return fmt.Errorf("%s: format %q appears twice", casesPath, g.Format)
		}
		seen[g.Format] = true
		v, err := check(g)
		if err != nil {
			return fmt.Errorf("%s: format %q: %w", casesPath, g.Format, err)
		}
		out.Formats = append(out.Formats, v)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	return os.WriteFile(vectorsPath, buf.Bytes(), 0o644)
}

// check records what the API server says of the values of one group.
func check(g group) (vector, error) {
	validator, schema, err := apiservervalidation.NewSchemaValidator(&apiextensions.JSONSchemaProps{Type: "string", Format: g.Format})
	if err != nil {
		return vector{}, err
	}
	v := vector{
		Format:    g.Format,
		Validated: schema.Format != "" && strfmt.Default.ContainsName(g.Format),
		Valid:     []string{},
		Invalid:   []string{},
	}
	seen := map[string]bool{}
	for _, value := range g.Values {
		if seen[value] {
			return v, fmt.Errorf("value %q appears twice", value)
		}
		seen[value] = true
		valid := !v.Validated || strfmt.Default.Validates(g.Format, value)
		if accepted := validator.Validate(value).IsValid(); accepted != valid {
			return v, fmt.Errorf("value %q: strfmt says valid=%t, the schema validator says %t", value, valid, accepted)
		}
		if valid {
			v.Valid = append(v.Valid, value)
		} else {
			v.Invalid = append(v.Invalid, value)
		}
	}
	return v, nil
}

// modules reads the versions of the named modules this binary was built with.
func modules(paths ...string) map[string]string {
	versions := map[string]string{}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			for _, p := range paths {
				if d.Path == p {
					versions[p] = d.Version
				}
			}
		}
	}
	return versions
}
