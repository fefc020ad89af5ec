// Common passwords refused by CheckNewPassword (password_rule.h), separated by spaces and line
// breaks, compared ignoring case. Sources: the top 1000 of
// "10-million-password-list-top-1000.txt" in SecLists (https://github.com/danielmiessler/SecLists,
// Passwords/Common-Credentials, MIT licence; from Mark Burnett's 10 million passwords, 2015; a few
// slurs left out), plus staples of leaked Chinese lists (woaini1314, qq123456…) and the long
// keyboard and digit runs a 12-character minimum still lets through (1qaz2wsx3edc, 123456789012…).
namespace gj::access {

extern const char* const kCommonPasswordList;
const char* const kCommonPasswordList = R"LIST(
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael
654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm
asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas
hockey ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn
555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda
summer love ashley 6969 nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder
taylor matrix william corvette hello martin heather secret merlin diamond 1234qwer gfhjkm hammer
silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111
golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick
phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea smokey steelers joseph
mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers yellow xxxxxx
123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior hannah 123654
porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller
boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player
nikita knight fender barney midnight please brandy chicago badboy iwantu slayer rangers charles
angel flower bigdaddy rabbit wizard jasper enter rachel chris steven winner adidas victoria natasha
1q2w3e4r jasmine winter prince marine ghbdtn fishing cocacola casper james 232323 raiders 888888
marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309 panther lauren angela spanky
thx1138 angels madison winston shannon mike toyota jordan23 canada sophie apples tiger razz 123abc
pokemon qazxsw 55555 qwaszx muffin johnson murphy cooper jonathan liverpoo david danielle 159357
jackie 1990 123456a 789456 turtle abcd1234 scorpion qazwsxedc 101010 butter carlos password1 dennis
slipknot qwerty123 booger asdf 1991 black startrek 12341234 cameron newyork rainbow nathan john 1992
rocket viking redskins asdfghjkl 1212 sierra peaches gemini doctor wilson sandra helpme qwertyui
victor florida dolphin pookie captain tucker blue liverpool theman bandit dolphins maddog packers
jaguar lovers nicholas united tiffany maxwell zzzzzz nirvana jeremy monica elephant giants secret123
hotdog rosebud success debbie mountain 444444 xxxxxxxx warrior 1q2w3e4r5t q1w2e3 123456q albert
metallic lucky azerty 7777 alex bond007 alexis 1111111 samson 5150 willie scorpio bonnie gators
benjamin voodoo driver dexter 2112 jason calvin freddy 212121 creative 12345a sydney rush2112 1989
asdfghjk red123 bubba 4815162342 passw0rd trouble gunner happy gordon legend jessie stella qwert
eminem arthur apple nissan bear america 1qazxsw2 nothing parker 4444 rebecca qweqwe garfield
01012011 69696969 jack asdasd december 2222 102030 252525 11223344 magic apollo skippy 315475 kitten
golf copper braves shelby godzilla beaver fred tomcat august buddy airborne 1993 1988 lifehack
qqqqqq brooklyn animal platinum phantom online xavier darkness blink182 power fish green 789456123
voyager police travis 12qwaszx heaven snowball lover abcdef 00000 007007 walter blazer cricket
sniper donkey willow loveme saturn therock redwings bigboy pumpkin trinity williams nintendo digital
destiny topgun runner marvin guinness chance bubbles testing fire november minecraft asdf1234
lasvegas sergey broncos cartman private celtic birdie little cassie babygirl donald beatles 1313
family 12121212 school louise gabriel eclipse fluffy 147258369 lol123 explorer nelson flyers spencer
scott lovely gibson doggie cherry snickers buffalo pantera metallica member carter qwertyu peter
alexande steve bronco paradise goober 5555 samuel montana mexico dreams michigan carolina yankee
friends magnum surfer maximus genius cool vampire lacrosse asd123 aaaa kimberly speedy sharon carmen
111222 kristina sammy racing sabrina horses 0987654321 qwerty1 baby stalker enigma 147147 star
poohbear 147258 simple 12345q marcus brian 1987 qweasdzxc drowssap hahaha caroline barbara dave
viper drummer action einstein genesis hello1 scotty friend forest 010203 hotrod google vanessa
spitfire badger friday alaska tester jester champion billy 147852 rock hawaii chevy 420420 walker
stephen eagle1 bill 1986 october gregory pamela 1984 music shorty westside stanley diesel courtney
242424 kevin hitman mark 12345qwert reddog frank qwe123 popcorn patricia aaaaaaaa 1969 teresa mozart
buddha anderson paul melanie abcdefg security lucky1 lizard denise 3333 a12345 123789 stargate
simpsons scarface eagle 123456789a thumper olivia naruto 1234554321 general cherokee a123456 vincent
spooky qweasd free frankie douglas 1980 loveyou kitty kelly veronica suzuki semperfi penguin mercury
liberty spirit scotland natalie marley vikings system king allison marshall 1979 098765 qwerty12
hummer adrian 1985 rocky leslie antonio 98765432 4321 softball passion mnbvcxz passport rascal
howard franklin bigred alexander homer jupiter claudia 55555555 141414 zaq12wsx patches raider
infinity andre 54321 college russia kawasaki bishop 77777777 money1 wildcats francis disney brittany
1994 00000000 sweet honda domino bulldogs brutus norman monday jimmy ironman ford fantasy 9999
7654321 duncan cougar 1977 jeffrey house dancer brooke timothy super marines justice digger connor
patriots karina 202020 molly everton tinker alicia pearljam colorado 123123a water test123 motorola
ireland asdfg matt houston zombie accord vision bradley kermit froggy ducati avalon 6666 sarah
saints logitech chopper 852456 simpson madonna juventus claire 159951 zachary warcraft hello123
extreme peekaboo fireman eugene brenda 123654789 russell panthers georgia smith skyline jesus
spiderma smooth pirate empire bullet 8888 virginia psycho predator arizona 134679 mitchell alyssa
vegeta titanic goblue wolf mmmmmm indian hiphop baxter awesome people danger roland 741852963
1111111111 dreamer bambam arnold 1981 skipper rolltide elvis changeme simon 1q2w3e lovelove denver
tommy mine hobbes happy1 alison nemesis cardinal burton picard 151515 tweety michael1 147852369
12312 windows turkey 456789 1974 sublime 1975 galina bobby newport manutd daddy american alexandr
1966 victory rooster qqq111 madmax electric a1b2c3 wolfpack spring phpbb lalala spiderman eric
darkside classic raptor 123456789q hendrix 1982 wombat avatar alpha zxc123 crazy england brazil 1978
01011980 wildcat polina freepass woaini woaini1314 woaini520 5201314 520520520 1314520 woaini1314520
woaiwojia iloveyou1314 aini1314 zhang123 wang123456 li123456 zhangwei wangwei liuyang qq123456
qq123456789 abc123456 a123456789 123456abc 123456aa aa123456 asd123456 qwe123456 zxc123456
1qaz2wsx3edc 1qaz2wsx3edc4rfv qwertyuiop123 qwertyuiop1234 asdfghjkl123 zxcvbnm123456 123456789012
1234567890123 12345678901234 123456123456 111111111111 000000000000 888888888888 666666666666
123123123123 112233445566 147258369147 987654321098 098765432109 abcdefghijkl abcd12345678
abc123456789 password1234 password12345 password123456 Password1234 Password@123 P@ssw0rd1234
P@ssword1234 passw0rd1234 admin123456789 administrator administrator1 admin1234567 admin@123456
root12345678 welcome12345 welcome123456 letmein12345 iloveyou1234 qwerty123456 qwerty1234567
1q2w3e4r5t6y 1q2w3e4r5t6y7u q1w2e3r4t5y6 zaq12wsxcde3 test12345678 changeme1234 gongjian123
gongjian1234 gongjian12345 gongjian123456 gongjian2026 zhengfu123456 xiangmu123456 admin2024
admin2025 admin2026 Admin@2024 Admin@2025 Admin@2026
)LIST";

}  // namespace gj::access
