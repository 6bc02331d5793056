# frozen_string_literal: true

Gem::Specification.new do |spec|
  spec.name          = "kelp-markdown"
  spec.version       = "0.12.0"
  spec.authors       = ["Rosalind Achterberg"]
  spec.summary       = "A small Markdown to HTML renderer"
  spec.homepage      = "https://example.org/kelp-markdown"
  spec.licenses      = ["BSD-2-Clause"]
  spec.files         = Dir["lib/**/*.rb", "LICENSE.txt", "README.md"]
  spec.required_ruby_version = ">= 3.0"
  spec.add_development_dependency "minitest", "~> 5.20"
end
