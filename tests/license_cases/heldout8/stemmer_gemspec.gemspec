# frozen_string_literal: true

require_relative "lib/kelp_stemmer/version"

Gem::Specification.new do |spec|
  spec.name          = "kelp_stemmer"
  spec.version       = KelpStemmer::VERSION
  spec.authors       = ["Oona Vartiainen"]
  spec.email         = ["oona@kelp.example.fi"]

  spec.summary       = "Snowball-style stemmers for Finnish and Estonian"
  spec.homepage      = "https://kelp.example.fi/stemmer"
  # Distributed like Ruby itself: pick either license, whichever suits you.
  spec.licenses      = ["Ruby", "BSD-2-Clause"]
  spec.required_ruby_version = ">= 3.0"

  spec.files = Dir["lib/**/*.rb", "ext/**/*.{c,h,rb}", "README.md", "COPYING", "BSDL"]
  spec.extensions = ["ext/kelp_stemmer/extconf.rb"]
  spec.require_paths = ["lib"]

  spec.add_development_dependency "rake-compiler", "~> 1.2"
end
