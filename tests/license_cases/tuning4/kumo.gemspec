Gem::Specification.new do |spec|
  spec.name          = "kumo"
  spec.version       = "0.4.0"
  spec.authors       = ["Kumo Lab"]
  spec.summary       = "Cloud-shaped helpers"
  spec.license       = "BSD-2-Clause"
  spec.files         = Dir["lib/**/*.rb"]
end
