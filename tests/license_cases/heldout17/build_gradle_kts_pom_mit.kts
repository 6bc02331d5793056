plugins {
    `java-library`
    `maven-publish`
}

group = "io.github.okonkwo"
version = "1.4.0"

publishing {
    publications {
        create<MavenPublication>("maven") {
            from(components["java"])
            pom {
                name.set("csv-sniffer")
                description.set("Guesses the dialect of a CSV file")
                url.set("https://github.com/okonkwo/csv-sniffer")
                licenses {
                    license {
                        name.set("The MIT License")
                        url.set("https://opensource.org/licenses/MIT")
                    }
                }
                developers {
                    developer {
                        id.set("cokonkwo")
                        name.set("Chidi Okonkwo")
                    }
                }
            }
        }
    }
}
