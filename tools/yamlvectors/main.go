// Command yamlvectors records how kubectl reads YAML manifest streams, as test vectors for the
// TypeScript reader in src/policy/yaml.ts.
//
// Usage (from tools/):
//
//	go run ./yamlvectors ../test/policy/yaml-cases.json ../test/policy/yaml-vectors.json
//
// The input is a JSON array of {"name", "yaml"} cases. For each case the stream is decoded the
// way kubectl's resource builder does it (k8s.io/cli-runtime/pkg/resource StreamVisitor.Visit):
// k8s.io/apimachinery/pkg/util/yaml.NewYAMLOrJSONDecoder(r, 4096), one Decode per document into
// a raw JSON value, stopping at io.EOF or at the first error (kubectl aborts the stream there).
// Documents that decode to nothing or to null are kept here as null (kubectl skips them).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

type input struct {
	Name string `json:"name"`
	YAML string `json:"yaml"`
}

type output struct {
	Name      string            `json:"name"`
	YAML      string            `json:"yaml"`
	Documents []json.RawMessage `json:"documents"`
	Error     bool              `json:"error"`
	Message   string            `json:"message,omitempty"`
}

// maxDocuments bounds a case, so that a decoder that makes no progress cannot loop forever.
const maxDocuments = 1000

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: yamlvectors CASES.json VECTORS.json")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "yamlvectors:", err)
		os.Exit(1)
	}
}

func run(casesPath, vectorsPath string) error {
	data, err := os.ReadFile(casesPath)
	if err != nil {
		return err
	}
	var cases []input
	if err := json.Unmarshal(data, &cases); err != nil {
		return fmt.Errorf("%s: %w", casesPath, err)
	}
	seen := map[string]bool{}
	vectors := make([]output, 0, len(cases))
	for _, c := range cases {
		if seen[c.Name] {
			return fmt.Errorf("%s: duplicate case name %q", casesPath, c.Name)
		}
		seen[c.Name] = true
		vectors = append(vectors, decode(c))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(vectors); err != nil {
		return err
	}
	return os.WriteFile(vectorsPath, buf.Bytes(), 0o644)
}

// decode reads one case as kubectl does.
func decode(c input) output {
	out := output{Name: c.Name, YAML: c.YAML, Documents: []json.RawMessage{}}
	d := utilyaml.NewYAMLOrJSONDecoder(strings.NewReader(c.YAML), 4096)
	for len(out.Documents) < maxDocuments {
		var raw json.RawMessage
		err := d.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			out.Error = true
			out.Message = err.Error()
			return out
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
			raw = json.RawMessage("null")
		}
		out.Documents = append(out.Documents, raw)
	}
	out.Error = true
	out.Message = fmt.Sprintf("more than %d documents", maxDocuments)
	return out
}
