// The stack tags jobs and articles are filed under: one canonical slug per technology, the
// names people write for it, and which side of a web stack it points to (relevance weighs
// backend against front-end and mobile). Matching rules live in src/ingest/enrich/stack-tags.ts.
//
// Row format: [slug, display name, aliases, side?]. Aliases are separated by "|", matched
// case-insensitively on word boundaries. An alias starting with "~" is also an everyday
// word or letter ("Go", "C", "Spring", "React", "node"): it counts only in a tech context.

/** How the taxonomy is grouped for display. */
export type StackGroup =
  | 'languages'
  | 'frameworks'
  | 'datastores'
  | 'queues-streaming'
  | 'cloud-infra'
  | 'practices';

/** Which side of a web stack a tag points to. */
export type StackSide = 'backend' | 'frontend' | 'mobile' | 'neutral';

/** One technology: canonical slug, display name, aliases as written in listings. */
export type StackTag = {
  slug: string;
  name: string;
  group: StackGroup;
  side: StackSide;
  /** Safe anywhere on word boundaries. */
  aliases: readonly string[];
  /** Everyday words too: counted only in a tech context. */
  contextual: readonly string[];
};

type Row = readonly [slug: string, name: string, aliases: string, side?: StackSide];

const languages: Row[] = [
  ['go', 'Go', 'golang|go-lang|~go'],
  ['java', 'Java', 'java'],
  ['python', 'Python', 'python|python3'],
  ['ruby', 'Ruby', 'ruby'],
  ['php', 'PHP', 'php'],
  ['javascript', 'JavaScript', 'javascript|js|ecmascript', 'neutral'],
  ['typescript', 'TypeScript', 'typescript|~ts', 'neutral'],
  ['csharp', 'C#', 'c#|csharp|c sharp'],
  ['cpp', 'C++', 'c++|cpp|cplusplus', 'neutral'],
  ['c', 'C', '~c', 'neutral'],
  ['rust', 'Rust', 'rust|rustlang'],
  ['scala', 'Scala', 'scala'],
  ['kotlin', 'Kotlin', 'kotlin', 'neutral'],
  ['elixir', 'Elixir', 'elixir'],
  ['erlang', 'Erlang', 'erlang'],
  ['clojure', 'Clojure', 'clojure'],
  ['haskell', 'Haskell', 'haskell'],
  ['ocaml', 'OCaml', 'ocaml'],
  ['fsharp', 'F#', 'f#|fsharp'],
  ['perl', 'Perl', 'perl'],
  ['lua', 'Lua', 'lua', 'neutral'],
  ['r', 'R', '~r', 'neutral'],
  ['julia', 'Julia', '~julia', 'neutral'],
  ['swift', 'Swift', '~swift', 'mobile'],
  ['objective-c', 'Objective-C', 'objective-c|objective c|objc|obj-c', 'mobile'],
  ['dart', 'Dart', '~dart', 'mobile'],
  ['groovy', 'Groovy', '~groovy'],
  ['sql', 'SQL', 'sql'],
  ['bash', 'Bash', 'bash|shell scripting', 'neutral'],
  ['html', 'HTML', 'html|html5', 'frontend'],
  ['css', 'CSS', 'css|css3|scss|sass', 'frontend'],
  ['coffeescript', 'CoffeeScript', 'coffeescript', 'neutral'],
  ['fortran', 'Fortran', 'fortran', 'neutral'],
  ['cuda', 'CUDA', 'cuda', 'neutral'],
  ['matlab', 'MATLAB', 'matlab', 'neutral'],
];

const frameworks: Row[] = [
  ['node', 'Node.js', 'node.js|nodejs|node js|~node'],
  ['deno', 'Deno', 'deno'],
  ['rails', 'Ruby on Rails', 'rails|ruby on rails|ruby-on-rails|ror'],
  ['django', 'Django', 'django'],
  ['flask', 'Flask', '~flask'],
  ['fastapi', 'FastAPI', 'fastapi'],
  ['spring', 'Spring', 'spring boot|springboot|spring framework|spring mvc|~spring'],
  ['express', 'Express', 'express.js|expressjs|~express'],
  ['nestjs', 'NestJS', 'nestjs|nest.js'],
  ['laravel', 'Laravel', 'laravel'],
  ['symfony', 'Symfony', 'symfony'],
  ['phoenix', 'Phoenix', 'phoenix framework|~phoenix'],
  ['dotnet', '.NET', '.net|dotnet|.net core|vb.net'],
  ['aspnet', 'ASP.NET', 'asp.net|asp.net core|aspnet'],
  ['actix', 'Actix', 'actix|actix-web'],
  ['tokio', 'Tokio', 'tokio'],
  ['play', 'Play Framework', 'play framework'],
  ['vertx', 'Vert.x', 'vert.x|vertx'],
  ['micronaut', 'Micronaut', 'micronaut'],
  ['quarkus', 'Quarkus', 'quarkus'],
  ['hibernate', 'Hibernate', '~hibernate'],
  ['graphql', 'GraphQL', 'graphql'],
  ['grpc', 'gRPC', 'grpc|protobuf|protocol buffers'],
  ['react', 'React', 'react.js|reactjs|~react', 'frontend'],
  ['react-native', 'React Native', 'react native', 'mobile'],
  ['redux', 'Redux', 'redux', 'frontend'],
  ['angular', 'Angular', 'angularjs|angular.js|~angular', 'frontend'],
  ['vue', 'Vue.js', 'vue|vue.js|vuejs', 'frontend'],
  ['svelte', 'Svelte', 'svelte|sveltekit', 'frontend'],
  ['nextjs', 'Next.js', 'next.js|nextjs', 'frontend'],
  ['ember', 'Ember.js', 'ember.js|emberjs|~ember', 'frontend'],
  ['backbone', 'Backbone.js', 'backbone.js|backbonejs|~backbone', 'frontend'],
  ['jquery', 'jQuery', 'jquery', 'frontend'],
  ['flutter', 'Flutter', 'flutter', 'mobile'],
  ['pytorch', 'PyTorch', 'pytorch', 'neutral'],
  ['tensorflow', 'TensorFlow', 'tensorflow', 'neutral'],
];

const datastores: Row[] = [
  ['postgresql', 'PostgreSQL', 'postgresql|postgres|psql|postgre'],
  ['mysql', 'MySQL', 'mysql'],
  ['mariadb', 'MariaDB', 'mariadb'],
  ['sqlite', 'SQLite', 'sqlite'],
  ['sql-server', 'SQL Server', 'sql server|mssql|ms sql|t-sql|tsql'],
  ['oracle-db', 'Oracle Database', 'oracle database|oracle db|pl/sql|plsql'],
  ['mongodb', 'MongoDB', 'mongodb|mongo'],
  ['redis', 'Redis', 'redis'],
  ['memcached', 'Memcached', 'memcached|memcache'],
  ['cassandra', 'Cassandra', 'cassandra|apache cassandra|scylladb'],
  ['dynamodb', 'DynamoDB', 'dynamodb|dynamo db'],
  ['elasticsearch', 'Elasticsearch', 'elasticsearch|elastic search'],
  ['opensearch', 'OpenSearch', 'opensearch'],
  ['solr', 'Solr', 'solr'],
  ['neo4j', 'Neo4j', 'neo4j'],
  ['clickhouse', 'ClickHouse', 'clickhouse'],
  ['snowflake', 'Snowflake', '~snowflake'],
  ['bigquery', 'BigQuery', 'bigquery|big query'],
  ['redshift', 'Redshift', 'amazon redshift|aws redshift|~redshift'],
  ['cockroachdb', 'CockroachDB', 'cockroachdb|cockroach db'],
  ['couchdb', 'CouchDB', 'couchdb'],
  ['couchbase', 'Couchbase', 'couchbase'],
  ['influxdb', 'InfluxDB', 'influxdb'],
  ['timescaledb', 'TimescaleDB', 'timescaledb'],
  ['hbase', 'HBase', 'hbase'],
  ['nosql', 'NoSQL', 'nosql'],
];

const queuesStreaming: Row[] = [
  ['kafka', 'Kafka', 'kafka'],
  ['rabbitmq', 'RabbitMQ', 'rabbitmq|rabbit mq'],
  ['sqs', 'Amazon SQS', 'sqs'],
  ['sns', 'Amazon SNS', 'amazon sns|aws sns'],
  ['kinesis', 'Kinesis', 'kinesis'],
  ['pubsub', 'Google Pub/Sub', 'google pub/sub|cloud pub/sub'],
  ['nats', 'NATS', 'nats.io|~nats'],
  ['activemq', 'ActiveMQ', 'activemq'],
  ['zeromq', 'ZeroMQ', 'zeromq|zmq'],
  ['sidekiq', 'Sidekiq', 'sidekiq'],
  ['celery', 'Celery', '~celery'],
  ['pulsar', 'Pulsar', 'apache pulsar|~pulsar'],
  ['flink', 'Flink', 'flink'],
  ['spark', 'Spark', 'apache spark|pyspark|spark streaming|~spark'],
  ['hadoop', 'Hadoop', 'hadoop|hdfs|mapreduce'],
  ['airflow', 'Airflow', 'apache airflow|~airflow'],
  ['beam', 'Apache Beam', 'apache beam'],
  ['dbt', 'dbt', '~dbt'],
  ['mqtt', 'MQTT', 'mqtt', 'neutral'],
];

const cloudInfra: Row[] = [
  ['aws', 'AWS', 'aws|amazon web services'],
  ['gcp', 'Google Cloud', 'gcp|google cloud|google cloud platform'],
  ['azure', 'Azure', 'azure|microsoft azure'],
  ['docker', 'Docker', 'docker'],
  ['kubernetes', 'Kubernetes', 'kubernetes|k8s'],
  ['terraform', 'Terraform', 'terraform'],
  ['ansible', 'Ansible', 'ansible'],
  ['chef', 'Chef', '~chef'],
  ['puppet', 'Puppet', '~puppet'],
  ['helm', 'Helm', 'helm charts|helm chart|~helm'],
  ['linux', 'Linux', 'linux'],
  ['nginx', 'nginx', 'nginx'],
  ['varnish', 'Varnish', '~varnish'],
  ['haproxy', 'HAProxy', 'haproxy'],
  ['heroku', 'Heroku', 'heroku'],
  ['openstack', 'OpenStack', 'openstack'],
  ['openshift', 'OpenShift', 'openshift'],
  ['jenkins', 'Jenkins', 'jenkins'],
  ['github-actions', 'GitHub Actions', 'github actions'],
  ['gitlab-ci', 'GitLab CI', 'gitlab ci|gitlab-ci'],
  ['circleci', 'CircleCI', 'circleci'],
  ['travis-ci', 'Travis CI', 'travis ci|travis-ci|travisci'],
  ['git', 'Git', 'git'],
  ['prometheus', 'Prometheus', '~prometheus'],
  ['grafana', 'Grafana', 'grafana'],
  ['datadog', 'Datadog', 'datadog'],
  ['istio', 'Istio', 'istio'],
  ['consul', 'Consul', 'hashicorp consul|~consul'],
  ['vault', 'Vault', 'hashicorp vault|~vault'],
  ['cloudflare', 'Cloudflare', 'cloudflare'],
  ['aws-lambda', 'AWS Lambda', 'aws lambda|amazon lambda'],
  ['ec2', 'Amazon EC2', 'ec2'],
  ['s3', 'Amazon S3', 'amazon s3|aws s3|~s3'],
  ['slurm', 'Slurm', 'slurm'],
  ['vagrant', 'Vagrant', 'vagrant'],
];

const practices: Row[] = [
  ['microservices', 'Microservices', 'microservices|microservice|micro-services'],
  ['rest-api', 'REST APIs', 'rest api|rest apis|restful|rest-api|rest services|~rest'],
  ['tdd', 'TDD', 'tdd|test-driven development|test driven development'],
  ['bdd', 'BDD', 'bdd|behavior-driven development|behaviour-driven development'],
  [
    'ci-cd',
    'CI/CD',
    'ci/cd|ci-cd|continuous integration|continuous delivery|continuous deployment',
  ],
  ['distributed-systems', 'Distributed systems', 'distributed systems|distributed system'],
  ['event-driven', 'Event-driven architecture', 'event-driven|event driven|event sourcing|cqrs'],
  ['ddd', 'Domain-driven design', 'ddd|domain-driven design|domain driven design'],
  ['serverless', 'Serverless', 'serverless'],
  ['observability', 'Observability', 'observability|opentelemetry'],
  ['machine-learning', 'Machine learning', 'machine learning'],
  ['hpc', 'HPC', 'hpc|high performance computing|high-performance computing|supercomputing'],
  ['devops', 'DevOps', 'devops|dev ops'],
  ['sre', 'SRE', 'sre|site reliability engineering'],
  ['iac', 'Infrastructure as code', 'infrastructure as code|infrastructure-as-code|iac'],
  ['oauth', 'OAuth', 'oauth|oauth2'],
  ['websockets', 'WebSockets', 'websocket|websockets'],
];

/** Tags another tag always brings along: a Rails job is a Ruby job. */
export const stackImplies: Readonly<Record<string, readonly string[]>> = {
  rails: ['ruby'],
  sidekiq: ['ruby'],
  django: ['python'],
  flask: ['python'],
  fastapi: ['python'],
  celery: ['python'],
  laravel: ['php'],
  symfony: ['php'],
  phoenix: ['elixir'],
  aspnet: ['dotnet'],
  express: ['node'],
  nestjs: ['node'],
  nextjs: ['react'],
  actix: ['rust'],
  tokio: ['rust'],
};

function build(group: StackGroup, side: StackSide, rows: Row[]): StackTag[] {
  return rows.map(([slug, name, aliases, override]) => {
    const all = aliases.split('|');
    return {
      slug,
      name,
      group,
      side: override ?? side,
      aliases: all.filter((alias) => !alias.startsWith('~')),
      contextual: all.filter((alias) => alias.startsWith('~')).map((alias) => alias.slice(1)),
    };
  });
}

/** Every stack tag, grouped for display. */
export const stackTaxonomy: readonly StackTag[] = Object.freeze([
  ...build('languages', 'backend', languages),
  ...build('frameworks', 'backend', frameworks),
  ...build('datastores', 'backend', datastores),
  ...build('queues-streaming', 'backend', queuesStreaming),
  ...build('cloud-infra', 'neutral', cloudInfra),
  ...build('practices', 'neutral', practices),
]);
